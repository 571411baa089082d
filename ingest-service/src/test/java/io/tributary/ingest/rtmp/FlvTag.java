package io.tributary.ingest.rtmp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One FLV tag (FLV spec E.4.1): type, 32-bit timestamp, body. A small reader for trusted test files. */
public record FlvTag(int type, long timestamp, byte[] body) {

    /** The audio (8) and video (9) tags of an FLV file, in order. */
    public static List<FlvTag> mediaTags(byte[] flv) {
        List<FlvTag> tags = new ArrayList<>();
        int headerLength = (flv[5] & 0xFF) << 24 | (flv[6] & 0xFF) << 16 | (flv[7] & 0xFF) << 8 | (flv[8] & 0xFF);
        int at = headerLength + 4; // FLV header, PreviousTagSize0
        while (at + 11 <= flv.length) {
            int type = flv[at] & 0x1F;
            int size = (flv[at + 1] & 0xFF) << 16 | (flv[at + 2] & 0xFF) << 8 | (flv[at + 3] & 0xFF);
            long timestamp = ((flv[at + 4] & 0xFF) << 16 | (flv[at + 5] & 0xFF) << 8 | (flv[at + 6] & 0xFF))
                    | (flv[at + 7] & 0xFFL) << 24;
            if (type == 8 || type == 9) {
                tags.add(new FlvTag(type, timestamp, Arrays.copyOfRange(flv, at + 11, at + 11 + size)));
            }
            at += 11 + size + 4;
        }
        if (at != flv.length) {
            throw new IllegalStateException("FLV does not end on a tag boundary");
        }
        return tags;
    }
}
