package io.tributary.transcode.manifest.hls;

import io.tributary.transcode.manifest.FrameRate;

/**
 * One variant stream of the multivariant playlist (RFC 8216 §4.3.4.2): a video rendition, optionally tied to an
 * audio group. Its bitrates are the video rendition's own; the audio group's are added when the playlist is written.
 *
 * @param uri the rendition's media playlist, relative to the multivariant playlist ({@code source/index.m3u8})
 * @param peakBitrate the largest segment bit rate seen, in bits per second
 * @param averageBitrate total bits over total duration, in bits per second (0: unknown, attribute omitted)
 * @param codecs the rendition's RFC 6381 codec string(s)
 * @param width 0 for a variant without video (RESOLUTION omitted)
 * @param frameRate null when unknown (FRAME-RATE omitted)
 * @param audioGroupId the GROUP-ID of its audio renditions, or null for none
 */
public record HlsVariant(String uri, long peakBitrate, long averageBitrate, String codecs, int width, int height,
                         FrameRate frameRate, String audioGroupId) {

    public HlsVariant {
        HlsText.checkUri(uri);
        HlsText.checkQuotable(codecs);
        if (peakBitrate <= 0 || averageBitrate < 0 || width < 0 || height < 0) {
            throw new IllegalArgumentException("bad variant " + uri + ": " + peakBitrate + " b/s peak, "
                    + averageBitrate + " b/s average, " + width + "x" + height);
        }
        if (audioGroupId != null) {
            HlsText.checkQuotable(audioGroupId);
        }
    }
}
