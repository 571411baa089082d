package io.tributary.transcode.consume;

/**
 * The renditions this part of the service makes: the source video as it was published, and the source audio,
 * shared by every video rendition. The ABR ladder adds video renditions next to {@link #SOURCE}; the manifests list
 * whatever renditions have segments.
 */
final class Renditions {
    /** The published video, packaged without re-encoding. */
    static final String SOURCE = "source";
    /** The published audio: one rendition in one HLS audio group and one DASH adaptation set. */
    static final String AUDIO = "audio";

    private Renditions() {
    }
}
