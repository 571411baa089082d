package io.tributary.archive.assemble;

import io.tributary.media.flv.FlvHeader;
import io.tributary.media.flv.FlvTag;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes an FLV stream to an {@link OutputStream} (FLV 10.1 §E.2, §E.3): the header and PreviousTagSize0, then
 * each tag and its PreviousTagSize. media-common's {@code FlvWriter} builds a record in memory; a whole session is
 * hundreds of megabytes, so it goes to a file tag by tag.
 */
final class FlvStreamWriter {
    private static final int TAG_HEADER_SIZE = 11;

    private final OutputStream out;
    private final byte[] header = new byte[TAG_HEADER_SIZE];
    private long bytes;

    FlvStreamWriter(OutputStream out, FlvHeader flvHeader) throws IOException {
        this.out = out;
        byte[] h = flvHeader.toBytes();
        out.write(h);
        writeU32(0); // PreviousTagSize0
        bytes = h.length + 4L;
    }

    void write(FlvTag tag) throws IOException {
        byte[] body = tag.body();
        long ts = tag.timestamp();
        header[0] = (byte) tag.tagType();
        putU24(1, body.length);
        putU24(4, (int) ts);
        header[7] = (byte) (ts >>> 24); // TimestampExtended
        putU24(8, 0); // StreamID
        out.write(header);
        out.write(body);
        writeU32(TAG_HEADER_SIZE + body.length);
        bytes += TAG_HEADER_SIZE + body.length + 4L;
    }

    long bytesWritten() {
        return bytes;
    }

    private void putU24(int at, int v) {
        header[at] = (byte) (v >>> 16);
        header[at + 1] = (byte) (v >>> 8);
        header[at + 2] = (byte) v;
    }

    private void writeU32(int v) throws IOException {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
