package io.tributary.media.flv;

import io.tributary.media.codec.AudioCodec;

import java.util.Arrays;

/**
 * An audio tag seen the same way whether it came with a legacy or an E-RTMP header.
 *
 * @param dts     the tag timestamp, milliseconds
 * @param payload the codec data after the header: AudioSpecificConfig or OpusHead for a sequence header, a raw AAC
 *                frame, Opus packet or MP3 frame otherwise
 */
public record AudioPacket(AudioCodec codec, Kind kind, long dts, byte[] payload) {

    public enum Kind {
        /** Legacy AAC sequence header or E-RTMP SequenceStart. */
        SEQUENCE_HEADER,
        CODED_FRAMES,
        SEQUENCE_END,
        /** E-RTMP MultichannelConfig. */
        MULTICHANNEL_CONFIG
    }

    /**
     * Normalises a tag; throws {@link FlvFormatException} for a bad header or an unknown legacy SoundFormat. Copies
     * the payload: use {@link AudioPacketHeader#of} where the header is all that is needed.
     */
    public static AudioPacket of(AudioTag tag) {
        byte[] body = tag.body();
        AudioPacketHeader header = AudioPacketHeader.of(tag);
        return new AudioPacket(header.codec(), header.kind(), tag.timestamp(),
                Arrays.copyOfRange(body, header.payloadOffset(), body.length));
    }

    public boolean isSequenceHeader() {
        return kind == Kind.SEQUENCE_HEADER;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AudioPacket p && p.codec == codec && p.kind == kind && p.dts == dts
                && Arrays.equals(p.payload, payload);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(payload) * 31 + Long.hashCode(dts);
    }

    @Override
    public String toString() {
        return "AudioPacket[" + codec + " " + kind + " dts=" + dts + ", " + payload.length + " bytes]";
    }
}
