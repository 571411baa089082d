package io.tributary.media.flv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads an FLV byte stream held in memory (FLV 10.1 §E.2, §E.3): the header, then tags one by one.
 *
 * <p>Every DataSize is checked against the bytes that remain before the body is copied; every PreviousTagSize
 * must equal the size of the tag before it (a mismatch means the bytes are damaged or not FLV); the stream must
 * end exactly after a PreviousTagSize. Encrypted tags (the Filter bit) and tag types other than 8, 9 and 18 are
 * rejected. Stream IDs (always 0 by the spec) are ignored. Tag headers inside the bodies are not looked at here:
 * see {@link VideoTag#packet()} and {@link AudioTag#packet()}. Any problem is a {@link FlvFormatException}.
 */
public final class FlvReader {
    private static final int TAG_HEADER_SIZE = 11;
    private static final int PREVIOUS_TAG_SIZE = 4;

    private final byte[] buf;
    private final int end;
    private final FlvHeader header;
    private int pos;
    private long expectedPreviousTagSize;

    public FlvReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public FlvReader(byte[] buf, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buf.length);
        this.buf = buf;
        this.end = offset + length;
        FlvHeader.Parsed parsed = FlvHeader.parse(buf, offset, length);
        this.header = parsed.header();
        this.pos = offset + parsed.dataOffset();
        readPreviousTagSize(); // PreviousTagSize0, always 0
    }

    public FlvHeader header() {
        return header;
    }

    public boolean hasNext() {
        return pos < end;
    }

    /** Index in the buffer of the next tag. */
    public int position() {
        return pos;
    }

    public FlvTag next() {
        if (!hasNext()) {
            throw new FlvFormatException("no FLV tag left at offset " + pos);
        }
        int at = pos;
        need(TAG_HEADER_SIZE, "tag header");
        int typeByte = buf[pos] & 0xFF;
        if ((typeByte & 0x20) != 0) {
            throw new FlvFormatException("encrypted FLV tag (Filter bit set) at offset " + at);
        }
        int tagType = typeByte & 0x1F;
        int dataSize = u24(pos + 1);
        long timestamp = u24(pos + 4) | ((long) (buf[pos + 7] & 0xFF) << 24); // TimestampExtended is the high byte
        pos += TAG_HEADER_SIZE;
        need((long) dataSize + PREVIOUS_TAG_SIZE, "tag body of " + dataSize + " bytes");
        byte[] body = Arrays.copyOfRange(buf, pos, pos + dataSize);
        pos += dataSize;
        expectedPreviousTagSize = TAG_HEADER_SIZE + dataSize;
        readPreviousTagSize();
        switch (tagType) {
            case FlvTag.TYPE_AUDIO:
                return new AudioTag(timestamp, body);
            case FlvTag.TYPE_VIDEO:
                return new VideoTag(timestamp, body);
            case FlvTag.TYPE_SCRIPT_DATA:
                return new ScriptDataTag(timestamp, body);
            default:
                throw new FlvFormatException("unknown FLV TagType " + tagType + " at offset " + at);
        }
    }

    public List<FlvTag> readAll() {
        List<FlvTag> tags = new ArrayList<>();
        while (hasNext()) {
            tags.add(next());
        }
        return tags;
    }

    private void readPreviousTagSize() {
        need(PREVIOUS_TAG_SIZE, "PreviousTagSize");
        long size = ((long) (buf[pos] & 0xFF) << 24) | u24(pos + 1);
        if (size != expectedPreviousTagSize) {
            throw new FlvFormatException("PreviousTagSize " + size + " at offset " + pos + " should be "
                    + expectedPreviousTagSize);
        }
        pos += PREVIOUS_TAG_SIZE;
    }

    private void need(long n, String what) {
        if (n > end - pos) {
            throw new FlvFormatException("FLV truncated at offset " + pos + ": " + what + " needs " + n
                    + " bytes, " + (end - pos) + " remain");
        }
    }

    private int u24(int at) {
        return ((buf[at] & 0xFF) << 16) | ((buf[at + 1] & 0xFF) << 8) | (buf[at + 2] & 0xFF);
    }
}
