package io.tributary.thumbnail.render;

/**
 * Reads the AV1 specification's bit-level descriptors (§4.10: {@code f(n)}, {@code uvlc()}) from a bounded range of a
 * byte array, most significant bit first. Reading past the range's end throws {@link Av1FormatException}: the range
 * is an OBU's payload, and a field beyond it is a truncated or malformed OBU.
 */
final class Av1BitReader {
    private final byte[] bytes;
    private final long endBit;
    private long position;

    Av1BitReader(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.position = (long) offset * Byte.SIZE;
        this.endBit = ((long) offset + length) * Byte.SIZE;
    }

    /** §4.10.2 f(n): an unsigned n-bit number, {@code n} at most 32. */
    long f(int n, String field) {
        if (n < 0 || n > 32) {
            throw new IllegalArgumentException("f(" + n + ")");
        }
        if (endBit - position < n) {
            throw new Av1FormatException("truncated at " + field + ": " + n + " bits wanted, "
                    + (endBit - position) + " left");
        }
        long value = 0;
        for (int i = 0; i < n; i++) {
            int bit = (bytes[(int) (position >>> 3)] >>> (7 - (int) (position & 7))) & 1;
            value = (value << 1) | bit;
            position++;
        }
        return value;
    }

    boolean flag(String field) {
        return f(1, field) == 1;
    }

    /**
     * §4.10.3 uvlc(): leading zeros, a one, then as many bits. The run of zeros is bounded by the range (f(1) throws at
     * its end); from 32 zeros on the value is 2^32 - 1 and no value bits follow, as the specification says.
     */
    long uvlc(String field) {
        int leadingZeros = 0;
        while (!flag(field)) {
            leadingZeros++;
        }
        if (leadingZeros >= 32) {
            return (1L << 32) - 1;
        }
        return f(leadingZeros, field) + (1L << leadingZeros) - 1;
    }
}
