package io.tributary.media.flv;

/**
 * The FLV file header (FLV 10.1 §E.2): signature {@code FLV}, version 1, TypeFlagsAudio/TypeFlagsVideo and a
 * DataOffset of 9 (what every writer uses; readers skip a larger one).
 */
public record FlvHeader(boolean hasAudio, boolean hasVideo) {
    /** Bytes of the header as written, not counting PreviousTagSize0. */
    public static final int SIZE = 9;

    private static final int AUDIO_FLAG = 0x04;
    private static final int VIDEO_FLAG = 0x01;

    /** Parses the header at {@code offset}; returns it with the DataOffset, where the first PreviousTagSize is. */
    static Parsed parse(byte[] buf, int offset, int length) {
        if (length < SIZE) {
            throw new FlvFormatException("FLV header needs " + SIZE + " bytes, got " + length);
        }
        if (buf[offset] != 'F' || buf[offset + 1] != 'L' || buf[offset + 2] != 'V') {
            throw new FlvFormatException("not FLV: the signature is not 'FLV'");
        }
        int version = buf[offset + 3] & 0xFF;
        if (version != 1) {
            throw new FlvFormatException("FLV version " + version + " (only 1 exists)");
        }
        int flags = buf[offset + 4] & 0xFF;
        long dataOffset = ((long) (buf[offset + 5] & 0xFF) << 24) | ((buf[offset + 6] & 0xFF) << 16)
                | ((buf[offset + 7] & 0xFF) << 8) | (buf[offset + 8] & 0xFF);
        if (dataOffset < SIZE || dataOffset > length) {
            throw new FlvFormatException("FLV DataOffset " + dataOffset + " outside the " + length + " bytes given");
        }
        return new Parsed(new FlvHeader((flags & AUDIO_FLAG) != 0, (flags & VIDEO_FLAG) != 0), (int) dataOffset);
    }

    record Parsed(FlvHeader header, int dataOffset) {
    }

    public byte[] toBytes() {
        int flags = (hasAudio ? AUDIO_FLAG : 0) | (hasVideo ? VIDEO_FLAG : 0);
        return new byte[] {'F', 'L', 'V', 1, (byte) flags, 0, 0, 0, SIZE};
    }
}
