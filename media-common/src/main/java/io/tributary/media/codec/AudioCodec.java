package io.tributary.media.codec;

/**
 * Audio codecs that arrive in FLV/RTMP: the E-RTMP FourCC codecs (Enhanced RTMP v2, "Enhanced Audio") and the
 * legacy SoundFormat-only ones (FLV 10.1 §E.4.2.1), which have no FourCC.
 */
public enum AudioCodec {
    /** AAC, ISO 14496-3; legacy SoundFormat 10 or FourCC {@code mp4a}; configuration {@link AudioSpecificConfig}. */
    AAC("mp4a"),
    /** Opus, RFC 6716; FourCC {@code Opus}; configuration {@link OpusHead}. */
    OPUS("Opus"),
    /** MP3; legacy SoundFormat 2 and 14 (8 kHz) or FourCC {@code .mp3}. */
    MP3(".mp3"),
    FLAC("fLaC"),
    AC3("ac-3"),
    EAC3("ec-3"),
    /** Linear PCM, legacy SoundFormat 0 (platform endian) and 3 (little endian). */
    LPCM(null),
    ADPCM(null),
    /** Legacy SoundFormat 4, 5 and 6. */
    NELLYMOSER(null),
    G711_ALAW(null),
    G711_MULAW(null),
    SPEEX(null);

    private final String fourCc;
    private final int fourCcValue;

    AudioCodec(String fourCc) {
        this.fourCc = fourCc;
        this.fourCcValue = fourCc == null ? 0 : FourCc.value(fourCc);
    }

    /** The E-RTMP FourCC, or null for a codec only legacy FLV can name. */
    public String fourCc() {
        return fourCc;
    }

    public int fourCcValue() {
        return fourCcValue;
    }

    /** The codec with this FourCC, or null. */
    public static AudioCodec fromFourCc(int value) {
        for (AudioCodec c : values()) {
            if (c.fourCc != null && c.fourCcValue == value) {
                return c;
            }
        }
        return null;
    }
}
