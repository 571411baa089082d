package io.tributary.transcode.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.transcode.cmaf.AvcTrack;
import io.tributary.transcode.cmaf.Sample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RungTimingTest {
    private static final Rung RUNG = Rung.encoded("360p", 640, 360, 600_000);
    private static final AvcTrack FORMAT = AvcTrack.of(new byte[] {1, 0x64, 0, 0x1e, (byte) 0xff, (byte) 0xe0, 0},
            640, 360);
    private static final byte[] DATA = {0, 0, 0, 1, 0x65};

    /**
     * A source with B-frames at 30 fps, ms timestamps on the 90 kHz clock (33 ms = 2970 ticks, 34 ms = 3060):
     * decode order I P B B P, shown I B B P P. (decode ms, presentation ms.)
     */
    private static final long[][] SOURCE = {{1000, 1067}, {1033, 1167}, {1067, 1100}, {1100, 1133}, {1133, 1200}};

    private static List<Sample> source() {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < SOURCE.length; i++) {
            long dts = SOURCE[i][0] * 90;
            long next = i + 1 < SOURCE.length ? SOURCE[i + 1][0] * 90 : 1167 * 90;
            samples.add(new Sample(dts, (int) (SOURCE[i][1] * 90 - dts), i == 0, (int) (next - dts), new byte[] {9}));
        }
        return samples;
    }

    /** The rung's frames as ffmpeg writes them without B-frames: the source's presentation times, in order. */
    private static List<CodedFrame> frames(long... ptsMillis) {
        List<CodedFrame> frames = new ArrayList<>();
        for (int i = 0; i < ptsMillis.length; i++) {
            frames.add(new CodedFrame(ptsMillis[i], i == 0, DATA));
        }
        return frames;
    }

    @Test
    void takesTheSourcesDecodeTimesAndDurations() {
        List<Sample> source = source();
        List<Sample> rung = RungTiming.align(source, new EncodedRung(RUNG, FORMAT,
                frames(1067, 1100, 1133, 1167, 1200)));
        assertEquals(source.stream().map(Sample::decodeTime).toList(), rung.stream().map(Sample::decodeTime).toList());
        assertEquals(source.stream().map(Sample::duration).toList(), rung.stream().map(Sample::duration).toList());
    }

    @Test
    void showsEachFrameAtTheSourcesPresentationTimesInOrder() {
        List<Sample> rung = RungTiming.align(source(), new EncodedRung(RUNG, FORMAT,
                frames(1067, 1100, 1133, 1167, 1200)));
        assertEquals(List.of(1067L * 90, 1100L * 90, 1133L * 90, 1167L * 90, 1200L * 90),
                rung.stream().map(Sample::presentationTime).toList());
        assertEquals(List.of(6030, 6030, 5940, 6030, 6030), rung.stream().map(Sample::compositionOffset).toList(),
                "offsets never negative");
        assertEquals(List.of(true, false, false, false, false), rung.stream().map(Sample::sync).toList());
        assertEquals(DATA, rung.get(0).data());
    }

    @Test
    void toleratesAMillisecondOfRounding() {
        List<Sample> rung = RungTiming.align(source(), new EncodedRung(RUNG, FORMAT,
                frames(1066, 1100, 1134, 1167, 1200)));
        assertEquals(1067L * 90, rung.get(0).presentationTime());
    }

    @Test
    void refusesADroppedOrDuplicatedFrame() {
        assertThrows(RungEncodingException.class, () -> RungTiming.align(source(),
                new EncodedRung(RUNG, FORMAT, frames(1067, 1100, 1133, 1167))));
        assertThrows(RungEncodingException.class, () -> RungTiming.align(source(),
                new EncodedRung(RUNG, FORMAT, frames(1067, 1100, 1100, 1133, 1200))));
    }

    @Test
    void refusesARungThatDoesNotStartWithAKeyframe() {
        List<CodedFrame> frames = new ArrayList<>(frames(1067, 1100, 1133, 1167, 1200));
        frames.set(0, new CodedFrame(1067, false, DATA));
        assertThrows(RungEncodingException.class, () -> RungTiming.align(source(),
                new EncodedRung(RUNG, FORMAT, frames)));
    }
}
