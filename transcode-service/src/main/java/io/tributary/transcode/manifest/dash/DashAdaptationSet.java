package io.tributary.transcode.manifest.dash;

import java.util.List;

/**
 * An AdaptationSet (ISO/IEC 23009-1 §5.3.3): the interchangeable representations of one content type. Video
 * renditions of the ladder share one set (their segments are aligned); the shared audio rendition has its own.
 *
 * @param contentType {@code video} or {@code audio}; the mime type is {@code <contentType>/mp4}
 * @param language RFC 5646 tag, or null
 * @param startsWithSap every segment starts with a stream access point of type 1 (@startWithSAP="1"); false when a
 *     segment continues a GOP cut in two (a continuation record), which starts without a keyframe
 */
public record DashAdaptationSet(String contentType, String language, List<DashRepresentation> representations,
                                boolean startsWithSap) {

    /** A set whose every segment starts with a keyframe (SAP type 1): GOP-aligned segments. */
    public DashAdaptationSet(String contentType, String language, List<DashRepresentation> representations) {
        this(contentType, language, representations, true);
    }

    public DashAdaptationSet {
        if (!"video".equals(contentType) && !"audio".equals(contentType)) {
            throw new IllegalArgumentException("content type must be video or audio: " + contentType);
        }
        representations = List.copyOf(representations);
        if (representations.isEmpty()) {
            throw new IllegalArgumentException("an adaptation set needs at least one representation");
        }
    }

    public String mimeType() {
        return contentType + "/mp4";
    }
}
