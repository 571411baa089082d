package io.tributary.transcode.cmaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SampleConverterTest {
    private static final Timescale VIDEO = new Timescale(90_000);
    private static final Timescale AUDIO_44K = new Timescale(44_100);

    @Test
    void convertsEachDecodeTimeFromItsAbsoluteMilliseconds() {
        List<Sample> samples = SampleConverter.toSamples(units(0, 33, 67, 100), VIDEO, OptionalLong.of(133), 3000);
        assertEquals(List.of(0L, 2970L, 6030L, 9000L), samples.stream().map(Sample::decodeTime).toList());
        assertEquals(List.of(2970, 3060, 2970, 2970), samples.stream().map(Sample::duration).toList());
    }

    @Test
    void lastSampleRunsToTheDeclaredEndOrTakesTheFallback() {
        assertEquals(5400, last(SampleConverter.toSamples(units(0, 40), VIDEO, OptionalLong.of(100), 3000)).duration());
        assertEquals(3000, last(SampleConverter.toSamples(units(0, 40), VIDEO, OptionalLong.empty(), 3000)).duration());
        assertEquals(3000, last(SampleConverter.toSamples(units(0, 40), VIDEO, OptionalLong.of(40), 3000)).duration());
    }

    @Test
    void convertsCompositionOffsetsFromAbsolutePresentationTimes() {
        List<Sample> samples = SampleConverter.toSamples(
                List.of(new AccessUnit(33, 67, true, new byte[0])), VIDEO, OptionalLong.empty(), 3000);
        assertEquals(9000 - 2970, samples.get(0).compositionOffset());
        assertEquals(9000, samples.get(0).presentationTime());
    }

    @Test
    void movesANonIncreasingDecodeTimeOneTickAfterItsPredecessor() {
        List<Sample> samples = SampleConverter.toSamples(units(0, 40, 40, 30, 120), VIDEO, OptionalLong.empty(), 3000);
        assertEquals(List.of(0L, 3600L, 3601L, 3602L, 10800L), samples.stream().map(Sample::decodeTime).toList());
    }

    @Test
    void videoSegmentsAtNtscRatesTileTheTimelineWithoutDrift() {
        // 29.97 fps, GOPs of 60 frames, timestamps rounded to the millisecond as FLV does
        int frames = 60 * 1000;
        long[] ms = new long[frames + 1];
        for (int k = 0; k <= frames; k++) {
            ms[k] = Math.round(k * 1001.0 / 30);
        }
        long expectedStart = 0;
        for (int gop = 0; gop < 1000; gop++) {
            List<AccessUnit> units = new ArrayList<>();
            for (int k = gop * 60; k < gop * 60 + 60; k++) {
                units.add(new AccessUnit(ms[k], 0, k % 60 == 0, new byte[0]));
            }
            CmafSegment s = CmafFragmenter.fragment(CmafInitSegmentWriterTest.AVC, gop,
                    SampleConverter.toSamples(units, VIDEO, OptionalLong.of(ms[gop * 60 + 60]), 3003));
            assertEquals(expectedStart, s.baseMediaDecodeTime(), "segment " + gop + " starts where the previous ended");
            expectedStart = s.endTime();
        }
        assertEquals(ms[frames] * 90, expectedStart, "1000 segments end exactly at the last timestamp");
    }

    @Test
    void audioAt44100HzStaysWithinAMillisecondOfTheTrueTimelineForAnHour() {
        // AAC frames of 1024 samples; FLV rounds their times to the millisecond
        int frames = 44_100 * 3600 / 1024;
        int perGop = 43;
        long worst = 0;
        for (int first = 0; first + perGop <= frames; first += perGop) {
            List<AccessUnit> units = new ArrayList<>();
            for (int k = first; k < first + perGop; k++) {
                units.add(new AccessUnit(Math.round(k * 1024 * 1000.0 / 44_100), 0, true, new byte[0]));
            }
            List<Sample> samples = SampleConverter.toSamples(units, AUDIO_44K, OptionalLong.empty(), 1024);
            for (int i = 0; i < samples.size(); i++) {
                long trueTicks = (long) (first + i) * 1024;
                worst = Math.max(worst, Math.abs(samples.get(i).decodeTime() - trueTicks));
            }
        }
        assertTrue(worst <= 23, "decode times stay within half a millisecond (22.05 ticks) + rounding: " + worst);
    }

    private static List<AccessUnit> units(long... dtsMillis) {
        List<AccessUnit> units = new ArrayList<>();
        for (int i = 0; i < dtsMillis.length; i++) {
            units.add(new AccessUnit(dtsMillis[i], 0, i == 0, new byte[0]));
        }
        return units;
    }

    private static Sample last(List<Sample> samples) {
        return samples.get(samples.size() - 1);
    }
}
