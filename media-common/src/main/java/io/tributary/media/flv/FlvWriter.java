package io.tributary.media.flv;

import java.io.ByteArrayOutputStream;

/**
 * Writes an FLV byte stream in memory: the header and PreviousTagSize0 at construction, then each tag followed by
 * its PreviousTagSize (FLV 10.1 §E.3). Stream IDs are written as 0.
 */
public final class FlvWriter {
    private static final int TAG_HEADER_SIZE = 11;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public FlvWriter(FlvHeader header) {
        out.writeBytes(header.toBytes());
        u32(0);
    }

    public FlvWriter write(FlvTag tag) {
        byte[] body = tag.body();
        long ts = tag.timestamp();
        out.write(tag.tagType());
        u24(body.length);
        u24((int) ts);
        out.write((int) (ts >>> 24)); // TimestampExtended
        u24(0); // StreamID
        out.writeBytes(body);
        u32(TAG_HEADER_SIZE + body.length);
        return this;
    }

    /** Bytes written so far. */
    public int size() {
        return out.size();
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private void u24(int v) {
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    private void u32(int v) {
        out.write(v >>> 24);
        u24(v);
    }
}
