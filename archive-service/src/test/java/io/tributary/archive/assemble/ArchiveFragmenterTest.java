package io.tributary.archive.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.media.codec.AudioCodec;
import io.tributary.media.codec.VideoCodec;
import io.tributary.media.flv.AudioPacket;
import io.tributary.media.flv.VideoPacket;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchiveFragmenterTest {
    private static final byte[] FRAME = {0, 0, 0, 1, 0x65};
    private static final byte[] AAC = {0x21, 0x10};
    private static final VideoPacket AVC_CONFIG = new VideoPacket(VideoCodec.AVC, VideoPacket.Kind.SEQUENCE_HEADER,
            false, 0, 0, InitSegmentWriterTest.AVC_C);
    private static final AudioPacket AAC_CONFIG = new AudioPacket(AudioCodec.AAC, AudioPacket.Kind.SEQUENCE_HEADER, 0,
            InitSegmentWriterTest.ASC);

    /** Decode order I P B with a two-frame delay at ~30 fps; audio starts 21 ms before the first frame is shown. */
    private static final PieceSamples FIRST = new PieceSamples(AVC_CONFIG, AAC_CONFIG,
            List.of(frame(0, 67, true), frame(33, 100, false), frame(67, 0, false)),
            List.of(aac(46), aac(67), aac(89)));
    private static final PieceSamples SECOND = new PieceSamples(AVC_CONFIG, AAC_CONFIG,
            List.of(frame(100, 67, true)), List.of(aac(110)));

    private final ArchiveFragmenter fragmenter = ArchiveFragmenter.forFirstPiece(FIRST);

    @Test
    void startsTheArchiveAtTheFirstPieceEarliestPresentation() {
        // origin: audio at 46 ms (video is first shown at 67); video decodes from its first frame at 0 ms
        assertEquals(new ArchiveTimeline(46, 0, 67), fragmenter.timeline());
        assertEquals(46 * 90, fragmenter.timeline().videoEditMediaTicks(), "elst skips to the origin");
    }

    @Test
    void timesEachSampleUntilTheNextOneAndTheLastUntilTheNextPiece() {
        List<TrackRun> runs = runs(fragmenter, FIRST, SECOND);

        TrackRun video = runs.get(0);
        assertEquals(0, video.baseMediaDecodeTime());
        assertEquals(List.of(33L * 90, 34L * 90, 33L * 90), durations(video), "the last lasts until 100 ms");
        assertEquals(List.of(67 * 90, 100 * 90, 0), video.samples().stream().map(Mp4Sample::compositionOffset).toList());
        assertEquals(List.of(true, false, false), video.samples().stream().map(Mp4Sample::sync).toList());

        TrackRun audio = runs.get(1);
        assertEquals(0, audio.baseMediaDecodeTime(), "audio is the origin");
        // 67 - 46 = 21 ms is 1008 ticks at 48 kHz; 89 ms is 2064; the next piece's 110 ms is 3072
        assertEquals(List.of(1008L, 1056L, 1008L), durations(audio));
    }

    @Test
    void theSessionsLastSamplesLastAsTheFrameBeforeAndOneAacFrame() {
        List<TrackRun> runs = runs(fragmenter, SECOND, null);
        TrackRun video = runs.get(0);
        assertEquals(100L * 90, video.baseMediaDecodeTime());
        assertEquals(List.of((long) ArchiveTracks.VIDEO_TIMESCALE / 30), durations(video), "a lone frame: 1/30 s");
        assertEquals(List.of(1024L), durations(runs.get(1)));
        assertEquals(64L * 48, runs.get(1).baseMediaDecodeTime());
    }

    @Test
    void endsWhereTheLongestTrackStopsBeingShown() {
        // video decodes until 9000 ticks (100 ms) and is shown 67 ms later, from the 46 ms origin: 121 ms
        assertEquals(121, fragmentOf(fragmenter, FIRST, SECOND).endMillis());
    }

    @Test
    void twoFramesOnOneMillisecondStillGetAPositiveDuration() {
        PieceSamples vfr = new PieceSamples(AVC_CONFIG, null, List.of(frame(0, 0, true), frame(0, 0, false)), List.of());
        ArchiveFragmenter f = ArchiveFragmenter.forFirstPiece(vfr);
        assertEquals(List.of(1L, 1L), durations(runs(f, vfr, null).get(0)));
    }

    @Test
    void refusesASessionWithoutATrackAnMp4Carries() {
        PieceSamples nothing = new PieceSamples(null, null, List.of(), List.of(aac(0)));
        assertThrows(NoArchivableTrackException.class, () -> ArchiveFragmenter.forFirstPiece(nothing));
    }

    @Test
    void shortensTheDurationOfATimestampJumpToWhatATrunHolds() {
        // 50,000,000 ms later: 4.5e12 ticks at 90 kHz, over the 32 bits of a sample duration
        PieceSamples jump = new PieceSamples(AVC_CONFIG, null,
                List.of(frame(0, 0, true), frame(50_000_000, 0, false)), List.of());
        ArchiveFragmenter f = ArchiveFragmenter.forFirstPiece(jump);
        PieceSamples after = new PieceSamples(AVC_CONFIG, null, List.of(frame(100_000_000, 0, true)), List.of());

        assertEquals(List.of(0xFFFF_FFFFL, 0xFFFF_FFFFL), durations(runs(f, jump, after).get(0)),
                "within the piece, and until the next piece");
        assertEquals(List.of(0xFFFF_FFFFL, 0xFFFF_FFFFL), durations(runs(f, jump, null).get(0)),
                "the last lasting as the one before it");
    }

    /** The piece's track runs as its fragment holds them. */
    private static List<TrackRun> runs(ArchiveFragmenter f, PieceSamples piece, PieceSamples next) {
        return fragmentOf(f, piece, next).runs();
    }

    private static ArchiveFragmenter.Fragment fragmentOf(ArchiveFragmenter f, PieceSamples piece, PieceSamples next) {
        return f.fragment(1, f.open(piece), PieceStart.of(next));
    }

    private static List<Long> durations(TrackRun run) {
        return run.samples().stream().map(Mp4Sample::duration).toList();
    }

    private static VideoPacket frame(long dts, int compositionTime, boolean key) {
        return new VideoPacket(VideoCodec.AVC, VideoPacket.Kind.CODED_FRAMES, key, dts, compositionTime, FRAME);
    }

    private static AudioPacket aac(long dts) {
        return new AudioPacket(AudioCodec.AAC, AudioPacket.Kind.CODED_FRAMES, dts, AAC);
    }
}
