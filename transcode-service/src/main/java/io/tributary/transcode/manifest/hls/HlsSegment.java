package io.tributary.transcode.manifest.hls;

import java.time.Duration;
import java.time.Instant;

/**
 * One media segment line of a media playlist.
 *
 * @param uri the segment's URI relative to the playlist, e.g. {@code 01J...-42.m4s}
 * @param duration the segment's media duration (EXTINF)
 * @param programDateTime wall-clock time of the segment's first sample (EXT-X-PROGRAM-DATE-TIME)
 * @param mapUri the init segment that decodes it (EXT-X-MAP), relative to the playlist
 * @param discontinuity whether an EXT-X-DISCONTINUITY precedes it: a new session, a codec change or a timestamp
 *     break between this segment and the previous one
 * @param independent its first sample is a sync sample (every GOP-aligned segment); EXT-X-INDEPENDENT-SEGMENTS is
 *     written only when all segments of the playlist are
 */
public record HlsSegment(String uri, Duration duration, Instant programDateTime, String mapUri,
                         boolean discontinuity, boolean independent) {

    public HlsSegment {
        HlsText.checkUri(uri);
        HlsText.checkUri(mapUri);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("segment duration must be positive: " + duration);
        }
        if (programDateTime == null) {
            throw new IllegalArgumentException("programDateTime is required");
        }
    }

    /** A GOP-aligned segment (independent), continuing the previous one without discontinuity. */
    public static HlsSegment of(String uri, Duration duration, Instant programDateTime, String mapUri) {
        return new HlsSegment(uri, duration, programDateTime, mapUri, false, true);
    }

    public HlsSegment withDiscontinuity() {
        return new HlsSegment(uri, duration, programDateTime, mapUri, true, independent);
    }
}
