package io.tributary.thumbnail.render;

import java.io.ByteArrayOutputStream;

/**
 * Test NAL units written field by field (ITU-T H.264 §7.2 and H.265 §7.2 descriptors {@code u(n)}, {@code ue(v)},
 * {@code se(v)}), for {@link CraftedH264} and {@link CraftedHevc}.
 */
final class Rbsp {
    private final StringBuilder bits = new StringBuilder();

    Rbsp u(int n, long value) {
        for (int i = n - 1; i >= 0; i--) {
            bits.append((value >>> i) & 1);
        }
        return this;
    }

    Rbsp ue(long value) {
        int length = 64 - Long.numberOfLeadingZeros(value + 1);
        u(length - 1, 0);
        return u(length, value + 1);
    }

    Rbsp se(long value) {
        return ue(value > 0 ? 2 * value - 1 : -2 * value);
    }

    /** rbsp_trailing_bits(): rbsp_stop_one_bit, then zeros to the byte. */
    byte[] trailing() {
        return Av1Bits.bits(bits.append('1').toString());
    }

    /** The NAL unit header, then the RBSP with emulation prevention bytes (§7.4.1: 0x000003 before 0x0000xx, xx < 4). */
    static byte[] nal(byte[] header, byte[] rbsp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        int zeros = 0;
        for (byte b : rbsp) {
            if (zeros >= 2 && (b & 0xFF) <= 3) {
                out.write(3);
                zeros = 0;
            }
            out.write(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }
        return out.toByteArray();
    }

    /** A sample of length-prefixed NAL units (ISO/IEC 14496-15 §5.3.2), with 4-byte lengths. */
    static byte[] sample(byte[]... nals) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] nal : nals) {
            out.writeBytes(new byte[] {(byte) (nal.length >>> 24), (byte) (nal.length >>> 16),
                    (byte) (nal.length >>> 8), (byte) nal.length});
            out.writeBytes(nal);
        }
        return out.toByteArray();
    }
}
