package io.tributary.transcode.manifest.hls;

/**
 * An audio rendition (EXT-X-MEDIA TYPE=AUDIO, RFC 8216 §4.3.4.1) shared by the variants that name its group.
 *
 * @param uri its media playlist, relative to the multivariant playlist ({@code audio/index.m3u8})
 * @param language RFC 5646 tag, or null when unknown
 * @param channels the channel count (CHANNELS)
 * @param peakBitrate largest segment bit rate, added to each variant's BANDWIDTH
 * @param averageBitrate added to each variant's AVERAGE-BANDWIDTH
 */
public record HlsAudioRendition(String groupId, String name, String uri, String codecs, String language,
                                int channels, long peakBitrate, long averageBitrate, boolean isDefault) {

    public HlsAudioRendition {
        HlsText.checkQuotable(groupId);
        HlsText.checkQuotable(name);
        HlsText.checkUri(uri);
        HlsText.checkQuotable(codecs);
        if (language != null) {
            HlsText.checkQuotable(language);
        }
        if (channels <= 0 || peakBitrate < 0 || averageBitrate < 0) {
            throw new IllegalArgumentException("bad audio rendition " + uri);
        }
    }
}
