package io.tributary.transcode.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.gop.GopMetadata;
import io.tributary.storage.StoredObject;
import io.tributary.transcode.manifest.FrameRate;
import io.tributary.transcode.manifest.live.Boundary;
import io.tributary.transcode.manifest.live.GopSegments;
import io.tributary.transcode.manifest.live.LivePresentation;
import io.tributary.transcode.manifest.live.RenditionSegment;
import io.tributary.transcode.manifest.live.SegmentNames;
import io.tributary.transcode.manifest.live.TrackFacts;
import io.tributary.transcode.store.OutputKeys;
import io.tributary.transcode.store.OutputObjects;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: which first records are stored while their channel's state loads, what the packager still stores after,
 * and what a record the state refuses leaves to retention.
 */
class EarlySegmentsTest {
    private static final String CHANNEL = "early";
    private static final long CLOSED_AT = 1_800_000_000_000L;
    private static final TrackFacts VIDEO = TrackFacts.video("avc1.64001f", 90_000, 1280, 720, FrameRate.of(30),
            "init-00000000000000v1.mp4");
    private static final TrackFacts AUDIO = TrackFacts.audio("mp4a.40.2", 48_000, 48_000, 2,
            "init-00000000000000a1.mp4");

    private static RenditionOutput output(String rendition, TrackFacts facts, long seq) {
        RenditionSegment entry = new RenditionSegment(rendition, facts, SegmentNames.media("A", seq), seq,
                seq * facts.timescale(), facts.timescale(), 10_000, true);
        return new RenditionOutput(entry,
                OutputObjects.segment(OutputKeys.mediaSegment(CHANNEL, rendition, "A", seq), new byte[] {1}),
                OutputObjects.init(OutputKeys.renditionObject(CHANNEL, rendition, facts.initUri()), new byte[] {2}));
    }

    private static List<RenditionOutput> record(long seq) {
        return List.of(output("source", VIDEO, seq), output("audio", AUDIO, seq));
    }

    private static List<String> keys(List<StoredObject> objects) {
        return objects.stream().map(StoredObject::key).toList();
    }

    /** The source and audio of session A listed up to {@code last}. */
    private static LivePresentation listedUpTo(long last) {
        LivePresentation p = LivePresentation.empty();
        for (long seq = 0; seq <= last; seq++) {
            p = p.apply(new GopSegments("A", seq, seq * 1000, Instant.ofEpochMilli(CLOSED_AT).plusSeconds(seq),
                    seq == 0 ? Boundary.FRESH_START : Boundary.NONE, false,
                    record(seq).stream().map(RenditionOutput::entry).toList()), 6);
        }
        return p;
    }

    @Test
    void aRecordIsLiveForFiveSecondsAfterItsGopClosedAtIngest() {
        GopMetadata gop = GopMetadata.of("A", 0, 0, 2000, CLOSED_AT, Set.of());
        assertTrue(EarlySegments.live(gop, CLOSED_AT + 30));
        assertTrue(EarlySegments.live(gop, CLOSED_AT + 4_999));
        assertFalse(EarlySegments.live(gop, CLOSED_AT + 5_000), "a backlog or a replay: stored after its state");
        assertFalse(EarlySegments.live(gop, CLOSED_AT + 3_600_000));
        assertTrue(EarlySegments.live(gop, CLOSED_AT - 1_500), "ingest's clock ahead of ours");
    }

    @Test
    void thePackagerStoresNothingOfARecordStoredWhileItsStateLoaded() {
        List<RenditionOutput> outputs = record(0);
        List<StoredObject> segmentRound = List.of(outputs.get(0).init(), outputs.get(0).segment(),
                outputs.get(1).init(), outputs.get(1).segment());
        assertEquals(List.of(), new EarlySegments(outputs).toStore(segmentRound));
    }

    @Test
    void thePackagerStoresWhatWasNotStoredEarly() {
        StoredObject other = output("source", VIDEO, 1).segment();
        List<RenditionOutput> outputs = record(0);
        assertEquals(List.of(other.key()), keys(new EarlySegments(outputs).toStore(
                List.of(outputs.get(0).segment(), other))));
        List<StoredObject> all = List.of(outputs.get(0).init(), outputs.get(0).segment());
        assertEquals(keys(all), keys(EarlySegments.NONE.toStore(all)), "nothing stored early: all of them");
    }

    @Test
    void aRecordTheStateListsLeavesNothingToRetention() {
        assertEquals(List.of(), new EarlySegments(record(2)).unlisted(listedUpTo(3)), "a replay of a listed record");
    }

    @Test
    void aRecordTheStateDoesNotListLeavesItsMediaSegmentsToRetentionAndNeverAnInitSegment() {
        assertEquals(List.of("live/early/source/A-5.m4s", "live/early/audio/A-5.m4s"),
                new EarlySegments(record(5)).unlisted(listedUpTo(3)));
        assertEquals(List.of("live/early/source/A-0.m4s", "live/early/audio/A-0.m4s"),
                new EarlySegments(record(0)).unlisted(LivePresentation.empty()));
        assertEquals(List.of(), EarlySegments.NONE.unlisted(LivePresentation.empty()));
    }
}
