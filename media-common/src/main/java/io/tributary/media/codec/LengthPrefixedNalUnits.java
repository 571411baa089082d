package io.tributary.media.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The NAL units of a coded frame in the format FLV and MP4 carry H.264 and H.265 in (ISO 14496-15 §5.3.2 and §8.3.2,
 * "sample format"): each NAL unit after its length, a big-endian number of {@code lengthSizeMinusOne + 1} bytes from
 * the decoder configuration record. The sample must be exactly such units: a length that runs past the end, or bytes
 * left over that cannot hold one, fail.
 */
public final class LengthPrefixedNalUnits {
    private LengthPrefixedNalUnits() {
    }

    /** @param lengthSize bytes of each length prefix: the record's lengthSizeMinusOne + 1 */
    public static List<NalUnit> split(byte[] sample, int lengthSize) {
        return split(sample, lengthSize, header -> true, Integer.MAX_VALUE);
    }

    /**
     * Only the units whose first (header) byte {@code header} accepts, copied; the others are checked for their
     * length and skipped, so that finding the parameter sets of a 16 MiB frame does not copy the frame. An empty unit
     * has no header byte and is never kept by a selective split ({@code header} sees -1).
     *
     * @param maxUnits more units kept than this fail: hostile input of tiny units must not become millions of objects
     */
    public static List<NalUnit> split(byte[] sample, int lengthSize, IntPredicate header, int maxUnits) {
        if (lengthSize < 1 || lengthSize > 4) {
            throw new CodecConfigException("NAL unit length size " + lengthSize + " (1 to 4)");
        }
        BitReader r = new BitReader(sample, "length-prefixed NAL units");
        List<NalUnit> nals = new ArrayList<>();
        while (r.bytesLeft() > 0) {
            if (r.bytesLeft() < lengthSize) {
                throw new CodecConfigException(r.bytesLeft() + " bytes left after the last NAL unit, fewer than a "
                        + lengthSize + "-byte length");
            }
            int at = r.bytePosition();
            long length = r.bits(8 * lengthSize);
            if (length > r.bytesLeft()) {
                throw new CodecConfigException("NAL unit of " + length + " bytes at byte " + at + " with "
                        + r.bytesLeft() + " left");
            }
            int first = length == 0 ? -1 : sample[r.bytePosition()] & 0xFF;
            if (!header.test(first)) {
                r.skip(8 * length);
                continue;
            }
            if (nals.size() == maxUnits) {
                throw new CodecConfigException("more than " + maxUnits + " NAL units of the kind looked for");
            }
            nals.add(new NalUnit(r.bytes((int) length)));
        }
        return nals;
    }
}
