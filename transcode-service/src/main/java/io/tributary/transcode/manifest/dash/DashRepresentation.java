package io.tributary.transcode.manifest.dash;

import io.tributary.transcode.manifest.FrameRate;

/**
 * A Representation (ISO/IEC 23009-1 §5.3.5): one rendition. Its id is the rendition name, which is also the folder
 * of its objects, so {@code $RepresentationID$} in the template resolves to {@code source/}, {@code audio/}…
 *
 * @param bandwidth the peak bit rate in bits per second (§5.3.5.2: enough to play the segments continuously)
 * @param width 0 for audio
 * @param frameRate null for audio or when unknown
 * @param audioSamplingRate 0 for video
 * @param audioChannels 0 for video
 */
public record DashRepresentation(String id, long bandwidth, String codecs, int width, int height, FrameRate frameRate,
                                 int audioSamplingRate, int audioChannels, DashSegmentTemplate segmentTemplate) {

    public DashRepresentation {
        if (id == null || id.isBlank() || id.chars().anyMatch(c -> c == '/' || c == '$' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("a representation id must be a plain rendition name: " + id);
        }
        if (bandwidth <= 0) {
            throw new IllegalArgumentException("representation " + id + " needs a positive bandwidth");
        }
    }

    public static DashRepresentation video(String id, long bandwidth, String codecs, int width, int height,
                                           FrameRate frameRate, DashSegmentTemplate segmentTemplate) {
        return new DashRepresentation(id, bandwidth, codecs, width, height, frameRate, 0, 0, segmentTemplate);
    }

    public static DashRepresentation audio(String id, long bandwidth, String codecs, int samplingRate, int channels,
                                           DashSegmentTemplate segmentTemplate) {
        return new DashRepresentation(id, bandwidth, codecs, 0, 0, null, samplingRate, channels, segmentTemplate);
    }

    DashRepresentation withSegmentTemplate(DashSegmentTemplate template) {
        return new DashRepresentation(id, bandwidth, codecs, width, height, frameRate, audioSamplingRate,
                audioChannels, template);
    }
}
