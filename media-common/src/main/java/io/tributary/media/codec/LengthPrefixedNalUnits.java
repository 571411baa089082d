package io.tributary.media.codec;

import java.util.ArrayList;
import java.util.List;

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
            nals.add(new NalUnit(r.bytes((int) length)));
        }
        return nals;
    }
}
