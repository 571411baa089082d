package io.tributary.transcode.manifest.live;

import io.tributary.transcode.manifest.FrameRate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * GOPs of one-second segments for the presentation tests (and the manifest writer's): GOP n of a session plays from n
 * seconds.
 */
public final class Gops {
    public static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    static final TrackFacts VIDEO = TrackFacts.video("avc1.64001f", 90_000, 1280, 720, FrameRate.of(30),
            "init-00000000000000v1.mp4");
    static final TrackFacts VIDEO_1080 = TrackFacts.video("avc1.640028", 90_000, 1920, 1080, FrameRate.of(30),
            "init-00000000000000v2.mp4");
    static final TrackFacts AUDIO = TrackFacts.audio("mp4a.40.2", 48_000, 48_000, 2, "init-00000000000000a1.mp4");
    public static final int WINDOW = 3;

    private Gops() {
    }

    /** GOP {@code seq} of {@code session}, video and audio, that began {@code wallSecond} seconds after T0. */
    public static GopSegments gop(String session, long seq, long wallSecond, Boundary boundary) {
        return new GopSegments(session, seq, seq * 1000, T0.plusSeconds(wallSecond), boundary, false,
                List.of(video(session, seq, VIDEO), audio(session, seq)));
    }

    static GopSegments last(GopSegments g) {
        return new GopSegments(g.sessionId(), g.sequence(), g.mediaStartMillis(), g.wallClockStart(), g.boundary(),
                true, g.segments());
    }

    public static GopSegments only(GopSegments g, String rendition) {
        return new GopSegments(g.sessionId(), g.sequence(), g.mediaStartMillis(), g.wallClockStart(), g.boundary(),
                g.last(), g.segments().stream().filter(s -> s.rendition().equals(rendition)).toList());
    }

    static GopSegments withVideo(GopSegments g, TrackFacts facts) {
        List<RenditionSegment> segments = new ArrayList<>();
        for (RenditionSegment s : g.segments()) {
            segments.add(s.rendition().equals("source") ? video(g.sessionId(), g.sequence(), facts) : s);
        }
        return new GopSegments(g.sessionId(), g.sequence(), g.mediaStartMillis(), g.wallClockStart(), g.boundary(),
                g.last(), segments);
    }

    static RenditionSegment video(String session, long seq, TrackFacts facts) {
        return new RenditionSegment("source", facts, SegmentNames.media(session, seq), seq, seq * 90_000, 90_000,
                125_000, true);
    }

    static RenditionSegment audio(String session, long seq) {
        return new RenditionSegment("audio", AUDIO, SegmentNames.media(session, seq), seq, seq * 48_000, 48_000,
                16_000, true);
    }

    /** Session {@code session}'s GOPs {@code from} to {@code to} applied one after another, live from T0. */
    public static LivePresentation run(LivePresentation p, String session, long from, long to, long wallOffset) {
        for (long seq = from; seq <= to; seq++) {
            Boundary b = seq == from && p.availabilityStartTime() == null ? Boundary.FRESH_START : Boundary.NONE;
            p = p.apply(gop(session, seq, wallOffset + seq + 1, b), WINDOW);
        }
        return p;
    }
}
