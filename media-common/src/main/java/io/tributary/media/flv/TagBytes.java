package io.tributary.media.flv;

/** Big-endian field access with the FLV codec's own bounds failure. */
final class TagBytes {
    private TagBytes() {
    }

    static void need(byte[] b, int length, String what) {
        if (b.length < length) {
            throw new FlvFormatException(what + " needs " + length + " bytes, the tag body has " + b.length);
        }
    }

    static int u32(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    /** SI24: a signed 24-bit big-endian integer (composition time offsets). */
    static int si24(byte[] b, int at) {
        int v = ((b[at] & 0xFF) << 16) | ((b[at + 1] & 0xFF) << 8) | (b[at + 2] & 0xFF);
        return (v << 8) >> 8;
    }

    static void putU32(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static void putSi24(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 16);
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) v;
    }

    static boolean fitsSi24(int v) {
        return v >= -0x800000 && v <= 0x7FFFFF;
    }

    /** What every tag record checks: the timestamp and body size FLV can hold. */
    static void checkTag(long timestamp, byte[] body) {
        if (timestamp < 0 || timestamp > FlvTag.MAX_TIMESTAMP) {
            throw new IllegalArgumentException("FLV timestamp out of 0.." + FlvTag.MAX_TIMESTAMP + ": " + timestamp);
        }
        if (body.length > FlvTag.MAX_BODY_SIZE) {
            throw new IllegalArgumentException("FLV tag body over " + FlvTag.MAX_BODY_SIZE + " bytes: " + body.length);
        }
    }
}
