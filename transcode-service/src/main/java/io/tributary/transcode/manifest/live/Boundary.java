package io.tributary.transcode.manifest.live;

/**
 * How a GOP relates to the one before it in the channel's presentation, from none to the strongest. Anything but
 * {@link #NONE} puts EXT-X-DISCONTINUITY before the GOP's segments (RFC 8216 §4.3.2.3: a change of encoding
 * parameters or of timestamp sequence) and starts a new DASH Period (ISO/IEC 23009-1 §5.3.2: one Period per
 * unchanged set of track formats on one timeline).
 */
public enum Boundary {
    /** The GOP follows the previous one of its session. */
    NONE,
    /** A track's codec configuration changed, or a rendition appeared: a new init segment; media time continues. */
    FORMAT_CHANGE,
    /** The media timeline breaks: a lost or unreadable record, timestamps that jump. */
    TIMESTAMP_BREAK,
    /**
     * A new session while the previous one never ended (its last record never came: an ingest crash): the playlists
     * continue across the two, with a discontinuity, so viewers keep playing.
     */
    NEW_SESSION,
    /**
     * A new session after the previous one ended, or the channel's first: the playlists start over with their
     * numbering continued, and the MPD becomes a new presentation.
     */
    FRESH_START;

    /** The stronger of two boundaries: a GOP after both is after the stronger one. */
    public static Boundary strongest(Boundary a, Boundary b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Media time goes on across it: the new Period starts where the previous one's media ends. */
    boolean continuesMediaTime() {
        return this == NONE || this == FORMAT_CHANGE;
    }
}
