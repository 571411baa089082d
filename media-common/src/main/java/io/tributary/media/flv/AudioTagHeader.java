package io.tributary.media.flv;

import io.tributary.media.codec.AudioCodec;

/**
 * The header at the start of an audio tag body: the legacy AudioTagHeader (FLV 10.1 §E.4.2.1), or the E-RTMP
 * ExAudioTagHeader when SoundFormat is 9 (Enhanced RTMP v2, "Enhanced Audio").
 */
public sealed interface AudioTagHeader permits LegacyAudioTagHeader, ExAudioTagHeader {

    /** SoundFormat 9 signals the E-RTMP header. */
    int SOUND_FORMAT_EX_HEADER = 9;

    /** The codec, or null for a legacy SoundFormat that names none Tributary knows (15, device specific). */
    AudioCodec codec();

    /** Bytes of the tag body this header takes: the codec payload starts here. */
    int length();

    byte[] toBytes();

    static AudioTagHeader parse(byte[] body) {
        if (body.length == 0) {
            throw new FlvFormatException("empty audio tag");
        }
        int soundFormat = (body[0] >> 4) & 0x0F;
        return soundFormat == SOUND_FORMAT_EX_HEADER ? ExAudioTagHeader.parse(body) : LegacyAudioTagHeader.parse(body);
    }
}
