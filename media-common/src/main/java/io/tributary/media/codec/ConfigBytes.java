package io.tributary.media.codec;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** Writes length-prefixed NAL unit lists, the shape avcC and hvcC share. */
final class ConfigBytes {
    private ConfigBytes() {
    }

    static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    static void nalUnits16(ByteArrayOutputStream out, List<NalUnit> nals) {
        for (NalUnit n : nals) {
            u16(out, n.bytes().length);
            out.writeBytes(n.bytes());
        }
    }

    static void checkNalLengths(List<NalUnit> nals, String what) {
        for (NalUnit n : nals) {
            if (n.bytes().length > 0xFFFF) {
                throw new IllegalArgumentException(what + " over 65535 bytes");
            }
        }
    }
}
