package io.tributary.media.flv;

import io.tributary.media.codec.AudioCodec;
import io.tributary.media.codec.FourCc;

/**
 * The E-RTMP ExAudioTagHeader (Enhanced RTMP v2, "Enhanced Audio"): SoundFormat UB[4] = 9, AudioPacketType
 * UB[4], then the audio FourCC UI32 ({@code Opus}, {@code mp4a}, {@code .mp3}, {@code fLaC}, {@code ac-3},
 * {@code ec-3}). Multitrack and ModEx packets are rejected: Tributary does not carry them.
 */
public record ExAudioTagHeader(AudioPacketType packetType, AudioCodec codec) implements AudioTagHeader {

    private static final int LENGTH = 5;
    private static final int MULTITRACK = 5;
    private static final int MOD_EX = 7;

    public ExAudioTagHeader {
        if (packetType == null || codec == null || codec.fourCc() == null) {
            throw new IllegalArgumentException("an E-RTMP audio header needs a packet type and a FourCC codec");
        }
    }

    static ExAudioTagHeader parse(byte[] body) {
        int packetBits = body[0] & 0x0F;
        if (packetBits == MULTITRACK || packetBits == MOD_EX) {
            throw new FlvFormatException("E-RTMP audio " + (packetBits == MULTITRACK ? "Multitrack" : "ModEx")
                    + " packets are not supported");
        }
        AudioPacketType packetType = AudioPacketType.fromValue(packetBits);
        if (packetType == null) {
            throw new FlvFormatException("reserved E-RTMP AudioPacketType " + packetBits);
        }
        TagBytes.need(body, LENGTH, "E-RTMP audio tag header");
        int fourCc = TagBytes.u32(body, 1);
        AudioCodec codec = AudioCodec.fromFourCc(fourCc);
        if (codec == null) {
            throw new FlvFormatException("unknown E-RTMP audio FourCC '" + FourCc.text(fourCc) + "'");
        }
        return new ExAudioTagHeader(packetType, codec);
    }

    @Override
    public int length() {
        return LENGTH;
    }

    @Override
    public byte[] toBytes() {
        byte[] b = new byte[LENGTH];
        b[0] = (byte) ((SOUND_FORMAT_EX_HEADER << 4) | packetType.value());
        TagBytes.putU32(b, 1, codec.fourCcValue());
        return b;
    }
}
