package io.tributary.ingest.gop;

import static io.tributary.ingest.gop.SyntheticTags.aacFrame;
import static io.tributary.ingest.gop.SyntheticTags.aacSequenceHeader;
import static io.tributary.ingest.gop.SyntheticTags.avcSequenceHeader;
import static io.tributary.ingest.gop.SyntheticTags.interframe;
import static io.tributary.ingest.gop.SyntheticTags.keyframe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.VideoTag;
import io.tributary.media.gop.GopContent;
import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopMetadata;
import io.tributary.media.gop.GopRecordReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionGopsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private static final SessionGops.Settings SETTINGS =
            new SessionGops.Settings(10_000, 2_000, 64L << 20, 8 << 20);

    private final List<GopRecord> records = new ArrayList<>();

    @Test
    void numbersRecordsWithoutGapsAndFlagsTheFirstAndTheLast() {
        SessionGops gops = new SessionGops("s1", SETTINGS, CLOCK);
        feedGops(gops, 3, 1000, 500);
        records.addAll(gops.finish());

        assertEquals(3, records.size());
        for (int i = 0; i < records.size(); i++) {
            GopMetadata m = records.get(i).metadata();
            assertEquals(i, m.sequence());
            assertEquals("s1", m.sessionId());
            assertEquals(CLOCK.millis(), m.closedAtEpochMillis());
        }
        assertEquals(Set.of(GopFlag.FIRST), records.get(0).metadata().flags());
        assertEquals(Set.of(), records.get(1).metadata().flags());
        assertEquals(Set.of(GopFlag.LAST), records.get(2).metadata().flags());
        assertEquals(3, gops.recordCount());
    }

    @Test
    void durationsAddUpToTheSessionsMediaDuration() {
        SessionGops gops = new SessionGops("s1", SETTINGS, CLOCK);
        feedGops(gops, 4, 1000, 500);
        records.addAll(gops.finish());

        long sum = records.stream().mapToLong(r -> r.metadata().mediaDurationMillis()).sum();
        assertEquals(gops.mediaDurationMillis(), sum);
        // 4 GOPs of 30 frames at 33 ms, the last frame lasting one interval
        assertEquals(4 * 30 * 33, sum);
        for (int i = 1; i < records.size(); i++) {
            GopMetadata previous = records.get(i - 1).metadata();
            assertEquals(previous.mediaStartMillis() + previous.mediaDurationMillis(),
                    records.get(i).metadata().mediaStartMillis(), "record " + i + " starts where the last ended");
        }
    }

    @Test
    void recordsAreSelfContainedWithTheirSequenceHeaders() {
        SessionGops gops = new SessionGops("s1", SETTINGS, CLOCK);
        feedGops(gops, 2, 1000, 500);
        records.addAll(gops.finish());

        for (GopRecord r : records) {
            GopContent content = GopRecordReader.read(r.value());
            assertTrue(content.videoSequenceHeader() != null, "video sequence header");
            assertTrue(content.audioSequenceHeader() != null, "audio sequence header");
            assertTrue(content.tags().get(0) instanceof VideoTag v && v.packet().keyframe()
                    || content.tags().get(0).tagType() == FlvTag.TYPE_AUDIO, "starts with its keyframe's span");
        }
    }

    @Test
    void splitsAGopOverTheRecordLimitIntoContinuationRecords() {
        SessionGops gops = new SessionGops("s1", new SessionGops.Settings(10_000, 2_000, 64L << 20, 16 * 1024), CLOCK);
        feedGops(gops, 2, 1000, 2000);
        records.addAll(gops.finish());

        assertTrue(records.size() > 2, "split: " + records.size());
        long sum = 0;
        for (int i = 0; i < records.size(); i++) {
            GopRecord r = records.get(i);
            assertEquals(i, r.metadata().sequence());
            assertTrue(r.value().length <= 16 * 1024, "within the record limit");
            GopContent content = GopRecordReader.read(r.value());
            boolean startsWithKeyframe = content.tags().stream().filter(t -> t instanceof VideoTag).findFirst()
                    .map(t -> ((VideoTag) t).packet().keyframe()).orElse(false)
                    && content.tags().get(0) instanceof VideoTag;
            assertEquals(!startsWithKeyframe, r.metadata().has(GopFlag.CONTINUED), "record " + i);
            assertEquals(content.mediaStartMillis(), r.metadata().mediaStartMillis());
            sum += r.metadata().mediaDurationMillis();
        }
        assertEquals(gops.mediaDurationMillis(), sum);
        assertTrue(records.get(records.size() - 1).metadata().has(GopFlag.LAST));
    }

    @Test
    void flagsTheRestOfAGopCutForRunningTooLongAsContinued() {
        SessionGops gops = new SessionGops("s1", new SessionGops.Settings(1_000, 500, 64L << 20, 8 << 20), CLOCK);
        gops.accept(avcSequenceHeader(0, 1));
        records.addAll(gops.accept(keyframe(0, 500)));
        for (int f = 1; f < 90; f++) {
            records.addAll(gops.accept(interframe(f * 33L, 500)));
        }
        records.addAll(gops.finish());

        assertTrue(records.size() >= 2, "cut without a keyframe: " + records.size());
        assertFalse(records.get(0).metadata().has(GopFlag.CONTINUED));
        for (int i = 1; i < records.size(); i++) {
            assertTrue(records.get(i).metadata().has(GopFlag.CONTINUED), "record " + i);
        }
    }

    @Test
    void endsWithAnEmptyLastRecordWhenNothingIsPending() {
        SessionGops gops = new SessionGops("s1", SETTINGS, CLOCK);
        feedGops(gops, 1, 1000, 500);
        // a new sequence header (resolution change) closes the GOP; then the publisher stops
        records.addAll(gops.accept(avcSequenceHeader(990, 2)));
        assertEquals(1, records.size());
        List<GopRecord> last = gops.finish();

        assertEquals(1, last.size());
        GopMetadata m = last.get(0).metadata();
        assertEquals(EnumSet.of(GopFlag.LAST), m.flags());
        assertEquals(1, m.sequence());
        assertEquals(0, m.mediaDurationMillis());
        assertEquals(records.get(0).metadata().mediaStartMillis() + records.get(0).metadata().mediaDurationMillis(),
                m.mediaStartMillis());
        GopContent content = GopRecordReader.read(last.get(0).value());
        assertTrue(content.tags().isEmpty());
        assertEquals(avcSequenceHeader(0, 2).body()[8], content.videoSequenceHeader().body()[8], "the new header");
    }

    @Test
    void writesNothingForASessionThatSentNoMedia() {
        SessionGops gops = new SessionGops("s1", SETTINGS, CLOCK);
        gops.accept(avcSequenceHeader(0, 1));
        gops.accept(aacSequenceHeader(0));
        assertEquals(List.of(), gops.finish());
        assertEquals(0, gops.recordCount());
    }

    @Test
    void finishesOnce() {
        SessionGops gops = new SessionGops("s1", SETTINGS, CLOCK);
        feedGops(gops, 1, 1000, 500);
        assertEquals(1, gops.finish().size());
        assertEquals(List.of(), gops.finish());
    }

    @Test
    void refusesAGopOverItsByteLimit() {
        SessionGops gops = new SessionGops("s1", new SessionGops.Settings(10_000, 2_000, 100_000, 8 << 20), CLOCK);
        gops.accept(avcSequenceHeader(0, 1));
        gops.accept(keyframe(0, 50_000));
        gops.accept(interframe(33, 40_000));
        assertThrows(MalformedMediaException.class, () -> gops.accept(interframe(66, 40_000)));
    }

    @Test
    void refusesAVideoCodecItCannotCarry() {
        SessionGops gops = new SessionGops("s1", SETTINGS, CLOCK);
        MalformedMediaException e = assertThrows(MalformedMediaException.class,
                () -> gops.accept(SyntheticTags.sorenson(0)));
        assertTrue(e.getMessage().startsWith("unsupported video"), e.getMessage());
    }

    @Test
    void announcesTheCodecsOfTheSequenceHeaders() {
        SessionGops gops = new SessionGops("s1", SETTINGS, CLOCK);
        gops.accept(aacSequenceHeader(0));
        StreamFacts facts = gops.facts();
        assertEquals("mp4a.40.2", facts.audio().codec());
        assertEquals(48_000, facts.audio().sampleRate());
        assertEquals(2, facts.audio().channels());
        assertEquals(null, facts.video(), "no video header yet");
    }

    /** {@code count} GOPs of {@code gopMillis} at 30 fps with AAC every 21 ms, frames of {@code frameBytes}. */
    private void feedGops(SessionGops gops, int count, int gopMillis, int frameBytes) {
        gops.accept(avcSequenceHeader(0, 1));
        gops.accept(aacSequenceHeader(0));
        int framesPerGop = gopMillis / 33;
        long audioAt = 0;
        for (int g = 0; g < count; g++) {
            for (int f = 0; f < framesPerGop; f++) {
                long t = (long) (g * framesPerGop + f) * 33;
                while (audioAt < t) {
                    records.addAll(gops.accept(aacFrame(audioAt)));
                    audioAt += 21;
                }
                records.addAll(gops.accept(f == 0 ? keyframe(t, frameBytes) : interframe(t, frameBytes)));
            }
        }
    }
}
