package io.tributary.transcode.manifest.live;

/**
 * Object names of a rendition's folder as the manifests refer to them (relative to the media playlist; the MPD adds
 * the rendition folder through {@code $RepresentationID$}). They match media-common's {@code ObjectKeys} layout,
 * {@code live/{channel}/{rendition}/{name}}.
 */
public final class SegmentNames {
    /** The HLS media playlist of a rendition. */
    public static final String MEDIA_PLAYLIST = "index.m3u8";

    private SegmentNames() {
    }

    /** {@code {sessionId}-{sequence}.m4s}: the GOP's sequence number names its segment in every rendition. */
    public static String media(String sessionId, long sequence) {
        return sessionId + "-" + sequence + ".m4s";
    }

    /** A rendition's media playlist, relative to the multivariant playlist. */
    public static String mediaPlaylist(String rendition) {
        return rendition + "/" + MEDIA_PLAYLIST;
    }
}
