package io.tributary.transcode.manifest.hls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A live media playlist (RFC 8216 §4.3.3) as an immutable value: {@link #append} a segment, {@link #end} the
 * session, {@link #render} the text.
 *
 * <p>The window keeps the last {@code windowSize} segments, but never drops one if the rest would last less than
 * three target durations (§6.2.2). Each dropped segment advances EXT-X-MEDIA-SEQUENCE, and a dropped segment that
 * carried EXT-X-DISCONTINUITY advances EXT-X-DISCONTINUITY-SEQUENCE (§6.2.2), so a player's numbering stays stable.
 * The target duration must not change (§6.2.1): it starts at the configured value and only grows when a segment
 * longer than it arrives, since a playlist with a too-small target duration is invalid (§4.3.3.1). "Longer" is
 * measured as §4.3.3.1 does, on the EXTINF rounded to the nearest second: a 2-second GOP that closes a few
 * milliseconds late (2.010 s) keeps a target of 2 instead of forcing a change to 3 mid-stream.
 *
 * @param windowSize segments kept in the live window
 * @param mediaSequence media sequence number of the first segment in the window
 * @param discontinuitySequence discontinuity sequence number of the first segment in the window
 * @param targetDuration EXT-X-TARGETDURATION, whole seconds, never less than any segment rounded to the nearest second
 * @param segments the window, oldest first
 * @param ended EXT-X-ENDLIST: no more segments will be added
 */
public record HlsMediaPlaylist(int windowSize, long mediaSequence, long discontinuitySequence, int targetDuration,
                               List<HlsSegment> segments, boolean ended) {
    public static final int DEFAULT_WINDOW_SIZE = 6;
    /** Version 7: EXT-X-MAP without I-frames-only needs 6 (RFC 8216 §7); 7 is what fMP4 HLS players expect. */
    public static final int VERSION = 7;

    public HlsMediaPlaylist {
        if (windowSize < 1) {
            throw new IllegalArgumentException("window size must be at least 1: " + windowSize);
        }
        if (mediaSequence < 0 || discontinuitySequence < 0 || targetDuration < 1) {
            throw new IllegalArgumentException("bad playlist numbering: media sequence " + mediaSequence
                    + ", discontinuity sequence " + discontinuitySequence + ", target duration " + targetDuration);
        }
        segments = List.copyOf(segments);
    }

    /**
     * An empty live playlist.
     *
     * @param targetDuration the expected longest segment in whole seconds (the GOP duration rounded up): set it right
     *     and it never changes
     */
    public static HlsMediaPlaylist live(int windowSize, int targetDuration) {
        return new HlsMediaPlaylist(windowSize, 0, 0, targetDuration, List.of(), false);
    }

    /** This playlist with {@code segment} at its end and the window slid. */
    public HlsMediaPlaylist append(HlsSegment segment) {
        if (ended) {
            throw new IllegalStateException("the playlist has ended: no segment can follow EXT-X-ENDLIST");
        }
        List<HlsSegment> window = new ArrayList<>(segments);
        window.add(segment);
        int target = Math.max(targetDuration, HlsText.roundedSeconds(segment.duration()));
        Duration total = window.stream().map(HlsSegment::duration).reduce(Duration.ZERO, Duration::plus);
        Duration minimum = Duration.ofSeconds(3L * target);
        long sequence = mediaSequence;
        long discontinuities = discontinuitySequence;
        while (window.size() > windowSize && total.minus(window.get(0).duration()).compareTo(minimum) >= 0) {
            HlsSegment dropped = window.remove(0);
            total = total.minus(dropped.duration());
            sequence++;
            if (dropped.discontinuity()) {
                discontinuities++;
            }
        }
        return new HlsMediaPlaylist(windowSize, sequence, discontinuities, target, window, false);
    }

    /**
     * An empty playlist that continues this one's numbering, for a new session after this one ended: as if every
     * segment had left the window (EXT-X-MEDIA-SEQUENCE and EXT-X-DISCONTINUITY-SEQUENCE advance as §6.2.2 says) and
     * the new session began with a discontinuity, so a player or cache comparing numbers never sees them go back.
     * The target duration starts again at 1 and follows the new session's first segment.
     */
    public HlsMediaPlaylist successor() {
        long discontinuities = segments.stream().filter(HlsSegment::discontinuity).count();
        long boundary = segments.isEmpty() ? 0 : 1;
        return new HlsMediaPlaylist(windowSize, mediaSequence + segments.size(),
                discontinuitySequence + discontinuities + boundary, 1, List.of(), false);
    }

    /**
     * This playlist's numbering and target duration with an empty window: what a new rendition's playlist is first
     * stored as, together with its first segments, so that the multivariant playlist stored next, which names it,
     * never names a missing object. A player reading it reloads it as any live playlist (§6.3.4); the one stored
     * with the multivariant playlist lists the segments from the same media sequence number on.
     */
    public HlsMediaPlaylist placeholder() {
        return new HlsMediaPlaylist(windowSize, mediaSequence, discontinuitySequence, targetDuration, List.of(), false);
    }

    /** Whether the window lists a segment with this URI. */
    public boolean lists(String uri) {
        return indexOf(uri) >= 0;
    }

    /** Where the window lists a segment with this URI, or -1. */
    public int indexOf(String uri) {
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).uri().equals(uri)) {
                return i;
            }
        }
        return -1;
    }

    /** The media sequence number the next appended segment gets. */
    public long nextMediaSequence() {
        return mediaSequence + segments.size();
    }

    /**
     * The discontinuity sequence number of the window's segment {@code index}: the playlist's, plus the
     * EXT-X-DISCONTINUITY tags up to and including that segment's own (§4.3.3.3).
     */
    public long discontinuitySequenceOf(int index) {
        long tags = segments.subList(0, index + 1).stream().filter(HlsSegment::discontinuity).count();
        return discontinuitySequence + tags;
    }

    /** This playlist closed with EXT-X-ENDLIST: the session is over. */
    public HlsMediaPlaylist end() {
        return new HlsMediaPlaylist(windowSize, mediaSequence, discontinuitySequence, targetDuration, segments, true);
    }

    /** The segments that were in {@code older} (an earlier state of this playlist) and have left the window. */
    public List<HlsSegment> droppedSince(HlsMediaPlaylist older) {
        long dropped = Math.min(older.segments.size(), Math.max(0, mediaSequence - older.mediaSequence));
        return older.segments.subList(0, (int) dropped);
    }

    public Duration totalDuration() {
        return segments.stream().map(HlsSegment::duration).reduce(Duration.ZERO, Duration::plus);
    }

    public String render() {
        StringBuilder out = new StringBuilder(256 + 128 * segments.size());
        line(out, "#EXTM3U");
        line(out, "#EXT-X-VERSION:" + VERSION);
        line(out, "#EXT-X-TARGETDURATION:" + targetDuration);
        line(out, "#EXT-X-MEDIA-SEQUENCE:" + mediaSequence);
        line(out, "#EXT-X-DISCONTINUITY-SEQUENCE:" + discontinuitySequence);
        if (!segments.isEmpty() && segments.stream().allMatch(HlsSegment::independent)) {
            line(out, "#EXT-X-INDEPENDENT-SEGMENTS");
        }
        String currentMap = null;
        for (int i = 0; i < segments.size(); i++) {
            HlsSegment s = segments.get(i);
            if (s.discontinuity()) {
                line(out, "#EXT-X-DISCONTINUITY");
            }
            if (!s.mapUri().equals(currentMap)) {
                line(out, "#EXT-X-MAP:URI=" + HlsText.quoted(s.mapUri()));
                currentMap = s.mapUri();
            }
            line(out, "#EXT-X-PROGRAM-DATE-TIME:" + HlsText.programDateTime(s.programDateTime()));
            line(out, "#EXTINF:" + HlsText.seconds(s.duration()) + ",");
            line(out, s.uri());
        }
        if (ended) {
            line(out, "#EXT-X-ENDLIST");
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String line) {
        out.append(line).append('\n');
    }
}
