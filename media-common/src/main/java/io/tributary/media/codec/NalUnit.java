package io.tributary.media.codec;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One NAL unit as a decoder configuration record carries it: header included, emulation prevention bytes kept,
 * no start code or length prefix. Equal by content.
 */
public record NalUnit(byte[] bytes) {

    public NalUnit {
        Objects.requireNonNull(bytes, "bytes");
    }

    /** nal_unit_type of an H.264 NAL unit (ISO 14496-10 §7.3.1): 7 = SPS, 8 = PPS. */
    public int avcType() {
        return bytes.length == 0 ? -1 : bytes[0] & 0x1F;
    }

    /** nal_unit_type of an H.265 NAL unit (ISO 23008-2 §7.3.1.2): 32 = VPS, 33 = SPS, 34 = PPS. */
    public int hevcType() {
        return bytes.length == 0 ? -1 : (bytes[0] >> 1) & 0x3F;
    }

    /**
     * nuh_layer_id of an H.265 NAL unit (ISO 23008-2 §7.3.1.2): 0 for the base layer, which is all a single-layer
     * decoder reads; -1 when the two-byte header is cut.
     */
    public int hevcLayerId() {
        return bytes.length < 2 ? -1 : (bytes[0] & 0x01) << 5 | (bytes[1] & 0xFF) >>> 3;
    }

    /** The payload after a {@code headerLength}-byte NAL header with emulation_prevention_three_byte removed. */
    byte[] rbsp(int headerLength) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        int zeros = 0;
        for (int i = headerLength; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (zeros >= 2 && b == 0x03) {
                zeros = 0; // 0x000003: the 03 only stops a start code from appearing (H.264 §7.4.1)
                continue;
            }
            zeros = b == 0 ? zeros + 1 : 0;
            out.write(b);
        }
        return out.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NalUnit n && Arrays.equals(n.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "NalUnit[" + HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 16))
                + (bytes.length > 16 ? "…" : "") + ", " + bytes.length + " bytes]";
    }
}
