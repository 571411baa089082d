package io.tributary.media.flv;

import io.tributary.media.codec.AudioCodec;

/**
 * The legacy AudioTagHeader (FLV 10.1 §E.4.2.1): SoundFormat UB[4], SoundRate UB[2], SoundSize UB[1],
 * SoundType UB[1], then for AAC (SoundFormat 10) an AACPacketType UI8.
 *
 * @param soundRate     0 = 5.5 kHz, 1 = 11 kHz, 2 = 22 kHz, 3 = 44 kHz (AAC always says 3; the real rate is in the
 *                      AudioSpecificConfig)
 * @param soundSize     0 = 8-bit, 1 = 16-bit samples
 * @param soundType     0 = mono, 1 = stereo
 * @param aacPacketType present exactly when soundFormat is 10
 */
public record LegacyAudioTagHeader(int soundFormat, int soundRate, int soundSize, int soundType,
                                   AacPacketType aacPacketType) implements AudioTagHeader {

    public static final int SOUND_FORMAT_AAC = 10;

    public LegacyAudioTagHeader {
        if (soundFormat < 0 || soundFormat > 15 || soundFormat == SOUND_FORMAT_EX_HEADER || soundFormat == 12
                || soundFormat == 13) {
            throw new IllegalArgumentException("not a legacy SoundFormat: " + soundFormat);
        }
        if (soundRate < 0 || soundRate > 3 || soundSize < 0 || soundSize > 1 || soundType < 0 || soundType > 1) {
            throw new IllegalArgumentException("SoundRate is 0..3, SoundSize and SoundType 0..1");
        }
        if ((soundFormat == SOUND_FORMAT_AAC) != (aacPacketType != null)) {
            throw new IllegalArgumentException("aacPacketType is present exactly for AAC");
        }
    }

    /** The header every AAC encoder writes: 44 kHz, 16-bit, stereo flags (FLV 10.1 says to set them so for AAC). */
    public static LegacyAudioTagHeader aac(AacPacketType packetType) {
        return new LegacyAudioTagHeader(SOUND_FORMAT_AAC, 3, 1, 1, packetType);
    }

    static LegacyAudioTagHeader parse(byte[] body) {
        int b = body[0] & 0xFF;
        int soundFormat = b >> 4;
        if (soundFormat == 12 || soundFormat == 13) {
            throw new FlvFormatException("reserved SoundFormat " + soundFormat);
        }
        AacPacketType packetType = null;
        if (soundFormat == SOUND_FORMAT_AAC) {
            TagBytes.need(body, 2, "AAC audio tag header");
            packetType = AacPacketType.fromValue(body[1] & 0xFF);
            if (packetType == null) {
                throw new FlvFormatException("unknown AACPacketType " + (body[1] & 0xFF));
            }
        }
        return new LegacyAudioTagHeader(soundFormat, (b >> 2) & 0x03, (b >> 1) & 0x01, b & 0x01, packetType);
    }

    @Override
    public AudioCodec codec() {
        switch (soundFormat) {
            case 0:
            case 3:
                return AudioCodec.LPCM;
            case 1:
                return AudioCodec.ADPCM;
            case 2:
            case 14:
                return AudioCodec.MP3;
            case 4:
            case 5:
            case 6:
                return AudioCodec.NELLYMOSER;
            case 7:
                return AudioCodec.G711_ALAW;
            case 8:
                return AudioCodec.G711_MULAW;
            case SOUND_FORMAT_AAC:
                return AudioCodec.AAC;
            case 11:
                return AudioCodec.SPEEX;
            default:
                return null;
        }
    }

    @Override
    public int length() {
        return soundFormat == SOUND_FORMAT_AAC ? 2 : 1;
    }

    @Override
    public byte[] toBytes() {
        byte[] b = new byte[length()];
        b[0] = (byte) ((soundFormat << 4) | (soundRate << 2) | (soundSize << 1) | soundType);
        if (aacPacketType != null) {
            b[1] = (byte) aacPacketType.value();
        }
        return b;
    }
}
