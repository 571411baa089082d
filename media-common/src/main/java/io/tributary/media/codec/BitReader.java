package io.tributary.media.codec;

/**
 * Reads big-endian bit fields from untrusted bytes: fixed-width fields, Exp-Golomb codes (H.264 §9.1, H.265 §9.2)
 * and AV1 uvlc (AV1 §4.10.3). Reading past the end is a {@link CodecConfigException} naming what was being read.
 */
final class BitReader {
    private final byte[] buf;
    private final long endBit;
    private final String what;
    private long bit;

    BitReader(byte[] buf, int offset, int length, String what) {
        this.buf = buf;
        this.bit = (long) offset * 8;
        this.endBit = (long) (offset + length) * 8;
        this.what = what;
    }

    BitReader(byte[] buf, String what) {
        this(buf, 0, buf.length, what);
    }

    long bitsLeft() {
        return endBit - bit;
    }

    /** Whole bytes left, counting from the next byte boundary. */
    int bytesLeft() {
        return (int) ((endBit - alignedBit()) / 8);
    }

    /** Index of the byte holding the next bit (after {@link #byteAlign()}, the next byte). */
    int bytePosition() {
        return (int) (bit / 8);
    }

    void byteAlign() {
        bit = alignedBit();
    }

    private long alignedBit() {
        return (bit + 7) & ~7L;
    }

    /** Reads {@code n} bits, 0 to 32, as an unsigned value. */
    long bits(int n) {
        need(n);
        long v = 0;
        for (int i = 0; i < n; i++) {
            int b = (buf[(int) (bit >>> 3)] >> (7 - (int) (bit & 7))) & 1;
            v = (v << 1) | b;
            bit++;
        }
        return v;
    }

    /** Reads {@code n} bits, 0 to 31, as an int. */
    int u(int n) {
        return (int) bits(n);
    }

    boolean flag() {
        return bits(1) == 1;
    }

    int u8() {
        return u(8);
    }

    int u16() {
        return u(16);
    }

    void skip(long n) {
        need(n);
        bit += n;
    }

    /** ue(v): unsigned Exp-Golomb. Codes over 31 bits are rejected: no field we read is that large. */
    int ue() {
        int zeros = 0;
        while (!flag()) {
            zeros++;
            if (zeros > 31) {
                throw new CodecConfigException(what + ": Exp-Golomb code longer than 31 bits");
            }
        }
        long v = (1L << zeros) - 1 + bits(zeros);
        if (v > Integer.MAX_VALUE) {
            throw new CodecConfigException(what + ": Exp-Golomb value too large");
        }
        return (int) v;
    }

    /** se(v): signed Exp-Golomb. */
    int se() {
        int k = ue();
        return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
    }

    /** uvlc(): AV1 variable-length unsigned value; 32 or more leading zeros mean 2^32 - 1. */
    long uvlc() {
        int zeros = 0;
        while (!flag()) {
            zeros++;
            if (zeros >= 32) {
                return (1L << 32) - 1;
            }
        }
        return (1L << zeros) - 1 + bits(zeros);
    }

    /** Reads {@code n} whole bytes; the reader must be byte-aligned. */
    byte[] bytes(int n) {
        if ((bit & 7) != 0) {
            throw new IllegalStateException("not byte-aligned");
        }
        need((long) n * 8);
        byte[] out = new byte[n];
        System.arraycopy(buf, (int) (bit >>> 3), out, 0, n);
        bit += (long) n * 8;
        return out;
    }

    private void need(long n) {
        if (n > endBit - bit) {
            throw new CodecConfigException(what + " truncated");
        }
    }
}
