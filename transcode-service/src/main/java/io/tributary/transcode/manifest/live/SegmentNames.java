package io.tributary.transcode.manifest.live;

import java.util.Optional;

/**
 * Object names of a rendition's folder as the manifests refer to them (relative to the media playlist; the MPD adds
 * the rendition folder through {@code $RepresentationID$}). They match media-common's {@code ObjectKeys} layout,
 * {@code live/{channel}/{rendition}/{name}}.
 */
public final class SegmentNames {
    /** The HLS media playlist of a rendition. */
    public static final String MEDIA_PLAYLIST = "index.m3u8";
    private static final String MEDIA_SUFFIX = ".m4s";

    /** What a media segment's name ({@link #media}) says: the GOP it was made of. */
    public record MediaName(String sessionId, long sequence) {
    }

    private SegmentNames() {
    }

    /** {@code {sessionId}-{sequence}.m4s}: the GOP's sequence number names its segment in every rendition. */
    public static String media(String sessionId, long sequence) {
        return sessionId + "-" + sequence + MEDIA_SUFFIX;
    }

    /**
     * A name {@link #media} made, read back (a stored playlist's segment URI); empty for any other name: an init
     * segment, a name not ours. The session id may contain dashes, the sequence does not; whether the session id is
     * one a session may have is the caller's to check.
     */
    public static Optional<MediaName> readMedia(String name) {
        int dash = name.lastIndexOf('-');
        if (!name.endsWith(MEDIA_SUFFIX) || dash < 1) {
            return Optional.empty();
        }
        String digits = name.substring(dash + 1, name.length() - MEDIA_SUFFIX.length());
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MediaName(name.substring(0, dash), Long.parseLong(digits)));
        } catch (NumberFormatException e) {
            return Optional.empty(); // more digits than a long holds
        }
    }

    /** A rendition's media playlist, relative to the multivariant playlist. */
    public static String mediaPlaylist(String rendition) {
        return rendition + "/" + MEDIA_PLAYLIST;
    }
}
