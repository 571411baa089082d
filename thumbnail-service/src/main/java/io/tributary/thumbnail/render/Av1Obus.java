package io.tributary.thumbnail.render;

import java.util.ArrayList;
import java.util.List;

/**
 * The sequence headers among the OBUs of a low-overhead bitstream (AV1 specification §5.2, Annex B not used): what
 * a temporal unit in FLV or MP4 holds, and what an AV1CodecConfigurationRecord's {@code configOBUs} hold
 * (av1-isobmff §2.3.3). Each OBU is walked by its header (§5.3.1) and {@code obu_size}; one without
 * {@code obu_has_size_field} runs to the end, as libaom reads it.
 */
final class Av1Obus {
    /** §6.2.2 obu_type. */
    private static final int OBU_SEQUENCE_HEADER = 1;
    /** §4.10.5: leb128() reads at most 8 bytes. */
    private static final int MAX_LEB128_BYTES = 8;

    private Av1Obus() {
    }

    /** @throws Av1FormatException if an OBU header or size is malformed or runs past the end */
    static List<Av1SequenceHeader> sequenceHeaders(byte[] bytes, int offset) {
        List<Av1SequenceHeader> headers = new ArrayList<>();
        int at = offset;
        while (at < bytes.length) {
            int header = bytes[at] & 0xFF;
            if ((header & 0x80) != 0) {
                throw new Av1FormatException("obu_forbidden_bit set at byte " + at);
            }
            int obuType = (header >>> 3) & 0x0F;
            boolean extension = (header & 0x04) != 0;
            boolean hasSizeField = (header & 0x02) != 0;
            at += extension ? 2 : 1; // obu_extension_header(): temporal_id, spatial_id, reserved: one byte
            if (at > bytes.length) {
                throw new Av1FormatException("OBU extension header cut at byte " + at);
            }
            long size = bytes.length - at;
            if (hasSizeField) {
                Leb128 obuSize = leb128(bytes, at);
                at += obuSize.length();
                size = obuSize.value();
                if (size > bytes.length - at) {
                    throw new Av1FormatException("obu_size " + size + " at byte " + at + " runs past the "
                            + bytes.length + " bytes");
                }
            }
            if (obuType == OBU_SEQUENCE_HEADER) {
                headers.add(Av1SequenceHeaderReader.read(bytes, at, (int) size));
            }
            at += (int) size;
        }
        return headers;
    }

    /** A leb128() value and how many bytes it took. */
    private record Leb128(long value, int length) {
    }

    /** §4.10.5 leb128(). */
    private static Leb128 leb128(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 0; i < MAX_LEB128_BYTES; i++) {
            if (offset + i >= bytes.length) {
                throw new Av1FormatException("obu_size cut at byte " + (offset + i));
            }
            int b = bytes[offset + i] & 0xFF;
            value |= (long) (b & 0x7F) << (i * 7);
            if ((b & 0x80) == 0) {
                return new Leb128(value, i + 1);
            }
        }
        throw new Av1FormatException("obu_size at byte " + offset + " is longer than 8 bytes");
    }
}
