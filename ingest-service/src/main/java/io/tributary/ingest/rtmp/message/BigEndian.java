package io.tributary.ingest.rtmp.message;

import io.tributary.ingest.rtmp.RtmpProtocolException;
import io.tributary.ingest.rtmp.RtmpProtocolException.Reason;

/** Network byte order fields of the control messages (RTMP spec 5.4, 6.2), bounds checked. */
final class BigEndian {

    private BigEndian() {
    }

    /** Fails with {@link Reason#MALFORMED_CONTROL_MESSAGE} unless {@code payload} holds {@code length} bytes. */
    static void require(byte[] payload, int length, String what) {
        if (payload.length < length) {
            throw new RtmpProtocolException(Reason.MALFORMED_CONTROL_MESSAGE,
                    what + " needs " + length + " bytes, got " + payload.length);
        }
    }

    static long uint32(byte[] b, int at) {
        return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
    }

    static int uint16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    static int uint24(byte[] b, int at) {
        return (b[at] & 0xFF) << 16 | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF);
    }

    static void putUint32(byte[] b, int at, long v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static void putUint24(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 16);
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) v;
    }

    static void putUint16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    static byte[] uint32(long v) {
        byte[] b = new byte[4];
        putUint32(b, 0, v);
        return b;
    }

    static void requireUint32(long v, String what) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(what + " out of the unsigned 32-bit range: " + v);
        }
    }
}
