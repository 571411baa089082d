package io.tributary.media.flv;

import java.util.Arrays;

/**
 * Writes an FLV byte stream in memory: the header and PreviousTagSize0 at construction, then each tag followed by
 * its PreviousTagSize (FLV 10.1 §E.3). Stream IDs are written as 0.
 *
 * <p>A writer given the stream's final size ({@link #streamSize}) writes into one array of exactly that size and
 * hands that array over: no growing, no copy at the end (a GOP record is written once per GOP and is the ingest's
 * largest allocation). Without a size, or past it, the array grows by doubling.
 */
public final class FlvWriter {
    private static final int TAG_HEADER_SIZE = 11;
    private static final int PREVIOUS_TAG_SIZE = 4;
    /** The FLV header and PreviousTagSize0. */
    private static final int PREAMBLE_SIZE = FlvHeader.SIZE + PREVIOUS_TAG_SIZE;
    private static final int DEFAULT_CAPACITY = 4096;

    private byte[] buf;
    private int size;

    public FlvWriter(FlvHeader header) {
        this(header, DEFAULT_CAPACITY);
    }

    /** A writer whose stream will be {@code expectedSize} bytes long (a hint: more is written correctly too). */
    public FlvWriter(FlvHeader header, int expectedSize) {
        buf = new byte[Math.max(PREAMBLE_SIZE, expectedSize)];
        byte[] h = header.toBytes();
        System.arraycopy(h, 0, buf, 0, h.length);
        size = h.length;
        u32(0);
    }

    /** Bytes a stream of these tags takes: the header, PreviousTagSize0, and each tag with its PreviousTagSize. */
    public static long streamSize(Iterable<? extends FlvTag> tags) {
        long n = PREAMBLE_SIZE;
        for (FlvTag tag : tags) {
            n += tagSize(tag);
        }
        return n;
    }

    /** Bytes one tag takes in a stream: its header, its body and the PreviousTagSize after it. */
    public static int tagSize(FlvTag tag) {
        return TAG_HEADER_SIZE + tag.body().length + PREVIOUS_TAG_SIZE;
    }

    public FlvWriter write(FlvTag tag) {
        byte[] body = tag.body();
        long ts = tag.timestamp();
        ensure(TAG_HEADER_SIZE + body.length + PREVIOUS_TAG_SIZE);
        buf[size++] = (byte) tag.tagType();
        u24(body.length);
        u24((int) ts);
        buf[size++] = (byte) (ts >>> 24); // TimestampExtended
        u24(0); // StreamID
        System.arraycopy(body, 0, buf, size, body.length);
        size += body.length;
        u32(TAG_HEADER_SIZE + body.length);
        return this;
    }

    /** Bytes written so far. */
    public int size() {
        return size;
    }

    /**
     * The stream written so far. When it is exactly as long as the size given at construction, this is the writer's
     * own array, handed over: write nothing more after taking it (a further write would go to a new array).
     */
    public byte[] toByteArray() {
        return size == buf.length ? buf : Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (more > buf.length - size) {
            long needed = (long) size + more;
            if (needed > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("an FLV stream over 2 GiB cannot be held in one array");
            }
            buf = Arrays.copyOf(buf, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8, 2L * buf.length)));
        }
    }

    private void u24(int v) {
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    private void u32(int v) {
        buf[size++] = (byte) (v >>> 24);
        u24(v);
    }
}
