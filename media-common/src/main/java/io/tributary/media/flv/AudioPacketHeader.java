package io.tributary.media.flv;

import io.tributary.media.codec.AudioCodec;

/**
 * An {@link AudioPacket} without its payload: what an audio tag is, read from its header alone, for callers that only
 * sort tags and should not copy a frame to learn whether it is a sequence header.
 *
 * @param payloadOffset where the codec payload starts in the tag body: the header's length
 */
public record AudioPacketHeader(AudioCodec codec, AudioPacket.Kind kind, int payloadOffset) {

    /** Normalises a tag's header; throws {@link FlvFormatException} for a bad one or an unknown legacy SoundFormat. */
    public static AudioPacketHeader of(AudioTag tag) {
        byte[] body = tag.body();
        AudioTagHeader header = AudioTagHeader.parse(body);
        if (header.codec() == null) {
            throw new FlvFormatException("audio SoundFormat " + ((body[0] >> 4) & 0x0F) + " is not supported");
        }
        AudioPacket.Kind kind;
        if (header instanceof LegacyAudioTagHeader legacy) {
            kind = legacy.aacPacketType() == AacPacketType.SEQUENCE_HEADER ? AudioPacket.Kind.SEQUENCE_HEADER
                    : AudioPacket.Kind.CODED_FRAMES;
        } else {
            kind = kindOf(((ExAudioTagHeader) header).packetType());
        }
        return new AudioPacketHeader(header.codec(), kind, header.length());
    }

    public boolean isSequenceHeader() {
        return kind == AudioPacket.Kind.SEQUENCE_HEADER;
    }

    private static AudioPacket.Kind kindOf(AudioPacketType t) {
        switch (t) {
            case SEQUENCE_START:
                return AudioPacket.Kind.SEQUENCE_HEADER;
            case CODED_FRAMES:
                return AudioPacket.Kind.CODED_FRAMES;
            case SEQUENCE_END:
                return AudioPacket.Kind.SEQUENCE_END;
            default:
                return AudioPacket.Kind.MULTICHANNEL_CONFIG;
        }
    }
}
