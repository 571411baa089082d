package io.tributary.transcode.manifest.dash;

import java.util.List;

/**
 * A SegmentTemplate with a SegmentTimeline (ISO/IEC 23009-1 §5.3.9.4, §5.3.9.6), addressed by $Number$ so that URLs
 * match the object layout {@code live/{channel}/{rendition}/{sessionId}-{seq}.m4s} with the MPD at
 * {@code live/{channel}/manifest.mpd}.
 *
 * <p>The segments must have consecutive numbers: with $Number$, the n-th S entry of the timeline is segment
 * {@code startNumber + n}. The presentation time of a segment is Period@start plus
 * {@code (time - presentationTimeOffset) / timescale}.
 *
 * <p>Audio segments may overlap by a fraction of a frame: their ends come from the codec's frame length while the
 * next segment's start comes from its millisecond timestamp. The timeline then trims each segment to the next one's
 * start, so the MPD's timeline stays contiguous; gaps are kept and written with an explicit S@t.
 *
 * @param presentationTimeOffset the media time that plays at the start of the Period, in this template's timescale.
 *     It must name the same instant in every representation of the Period (e.g. the session's media time 0, FLV
 *     time 0, which is 0 in any timescale), never each track's own first 'tfdt': audio and video start a few
 *     milliseconds apart, and per-track offsets would shift them against each other by as much.
 */
public record DashSegmentTemplate(int timescale, long presentationTimeOffset, String initialization, String media,
                                  List<DashSegment> segments) {
    public static final String INIT_OBJECT = "init.mp4";

    public DashSegmentTemplate {
        segments = List.copyOf(segments);
        if (timescale <= 0 || presentationTimeOffset < 0) {
            throw new IllegalArgumentException("bad timescale " + timescale + " or offset " + presentationTimeOffset);
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a SegmentTimeline needs at least one segment");
        }
        for (int i = 1; i < segments.size(); i++) {
            DashSegment previous = segments.get(i - 1);
            DashSegment s = segments.get(i);
            if (s.number() != previous.number() + 1 || s.time() <= previous.time()) {
                throw new IllegalArgumentException("segment " + s + " does not follow " + previous
                        + ": numbers must be consecutive and times increasing");
            }
        }
    }

    /**
     * The template for one session's segments: {@code $RepresentationID$/init.mp4} and
     * {@code $RepresentationID$/{sessionId}-$Number$.m4s}, relative to the MPD.
     */
    public static DashSegmentTemplate forSession(String sessionId, int timescale, long presentationTimeOffset,
                                                 List<DashSegment> segments) {
        return forSession(sessionId, INIT_OBJECT, timescale, presentationTimeOffset, segments);
    }

    /**
     * The same with a named init segment, {@code $RepresentationID$/{initObject}}: the service names each init
     * segment after its content ({@code init-<hash>.mp4}), so a Period after a codec change points at its own.
     */
    public static DashSegmentTemplate forSession(String sessionId, String initObject, int timescale,
                                                 long presentationTimeOffset, List<DashSegment> segments) {
        if (initObject.isEmpty() || initObject.contains("/")) {
            throw new IllegalArgumentException("an init object is a plain file name: " + initObject);
        }
        return new DashSegmentTemplate(timescale, presentationTimeOffset,
                "$RepresentationID$/" + escapeIdentifier(initObject),
                "$RepresentationID$/" + escapeIdentifier(sessionId) + "-$Number$.m4s", segments);
    }

    public long startNumber() {
        return segments.get(0).number();
    }

    /** A literal '$' in a template is written '$$' (ISO/IEC 23009-1 §5.3.9.4.4, Table 16). */
    static String escapeIdentifier(String literal) {
        return literal.replace("$", "$$");
    }

    DashSegmentTemplate withPresentationTimeOffset(long offset) {
        return new DashSegmentTemplate(timescale, offset, initialization, media, segments);
    }
}
