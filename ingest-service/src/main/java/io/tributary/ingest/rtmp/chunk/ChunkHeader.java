package io.tributary.ingest.rtmp.chunk;

import java.nio.ByteBuffer;
import java.util.function.IntPredicate;

/**
 * One chunk header as it is on the wire (RTMP spec 5.3.1): basic header (format and chunk stream id, 1-3 bytes),
 * message header (11, 7, 3 or 0 bytes for format 0-3) and the optional extended timestamp.
 *
 * @param fmt               0: full header; 1: same stream id; 2: only a timestamp delta; 3: nothing
 * @param chunkStreamId     2..65599
 * @param timestamp         format 0: absolute timestamp; 1, 2: delta; 3: the extended timestamp when present, else 0
 * @param messageLength     formats 0 and 1, else 0
 * @param typeId            formats 0 and 1, else 0
 * @param messageStreamId   format 0 (little-endian on the wire), else 0
 * @param extendedTimestamp whether the 4-byte extended timestamp follows (timestamp >= 0xFFFFFF, or a format 3
 *                          chunk whose stream's last header had one)
 */
public record ChunkHeader(
        int fmt,
        int chunkStreamId,
        long timestamp,
        int messageLength,
        int typeId,
        int messageStreamId,
        boolean extendedTimestamp) {

    /** 3-byte basic header + 11-byte type 0 message header + 4-byte extended timestamp. */
    public static final int MAX_LENGTH = 18;
    /** The 3-byte timestamp field value that announces an extended timestamp (RTMP spec 5.3.1.3). */
    public static final int EXTENDED_TIMESTAMP_MARKER = 0xFF_FFFF;
    public static final int MIN_CHUNK_STREAM_ID = 2;
    public static final int MAX_CHUNK_STREAM_ID = 65_599;

    public ChunkHeader {
        if (fmt < 0 || fmt > 3) {
            throw new IllegalArgumentException("fmt " + fmt);
        }
        if (chunkStreamId < MIN_CHUNK_STREAM_ID || chunkStreamId > MAX_CHUNK_STREAM_ID) {
            throw new IllegalArgumentException("chunk stream id " + chunkStreamId);
        }
    }

    /** A format 3 header: just the basic header, plus the extended timestamp if {@code extended}. */
    public static ChunkHeader continuation(int chunkStreamId, boolean extended, long extendedValue) {
        return new ChunkHeader(3, chunkStreamId, extended ? extendedValue : 0, 0, 0, 0, extended);
    }

    /** Length of the basic header announced by its first byte: csid 0 means 2 bytes, 1 means 3 (spec 5.3.1.1). */
    public static int basicHeaderLength(int firstByte) {
        return switch (firstByte & 0x3F) {
            case 0 -> 2;
            case 1 -> 3;
            default -> 1;
        };
    }

    /** Length of the message header of each format (RTMP spec 5.3.1.2). */
    public static int messageHeaderLength(int fmt) {
        return switch (fmt) {
            case 0 -> 11;
            case 1 -> 7;
            case 2 -> 3;
            default -> 0;
        };
    }

    /** The chunk stream id of a complete basic header. */
    public static int chunkStreamId(byte[] b) {
        return switch (b[0] & 0x3F) {
            case 0 -> 64 + (b[1] & 0xFF);
            case 1 -> 64 + (b[1] & 0xFF) + ((b[2] & 0xFF) << 8);
            default -> b[0] & 0x3F;
        };
    }

    /**
     * How many header bytes are needed, knowing the first {@code filled} bytes of {@code b}: grows as the basic
     * header and the timestamp field become known; the header is complete when {@code filled} reaches it.
     *
     * @param type3Extended whether a format 3 header on that chunk stream carries an extended timestamp; only
     *                      asked once the basic header is complete
     */
    public static int requiredLength(byte[] b, int filled, IntPredicate type3Extended) {
        if (filled < 1) {
            return 1;
        }
        int basic = basicHeaderLength(b[0]);
        if (filled < basic) {
            return basic;
        }
        int fmt = (b[0] & 0xFF) >>> 6;
        int base = basic + messageHeaderLength(fmt);
        if (fmt == 3) {
            return type3Extended.test(chunkStreamId(b)) ? base + 4 : base;
        }
        if (filled < base) {
            return base;
        }
        return readUint24(b, basic) == EXTENDED_TIMESTAMP_MARKER ? base + 4 : base;
    }

    /** Decodes a complete header of {@code length} bytes, as computed by {@link #requiredLength}. */
    public static ChunkHeader decode(byte[] b, int length) {
        int fmt = (b[0] & 0xFF) >>> 6;
        int csid = chunkStreamId(b);
        int at = basicHeaderLength(b[0]);
        long timestamp = 0;
        int messageLength = 0;
        int typeId = 0;
        int streamId = 0;
        if (fmt <= 2) {
            timestamp = readUint24(b, at);
            at += 3;
        }
        if (fmt <= 1) {
            messageLength = readUint24(b, at);
            typeId = b[at + 3] & 0xFF;
            at += 4;
        }
        if (fmt == 0) {
            // the only little-endian field of RTMP (spec 5.3.1.2.1)
            streamId = (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
            at += 4;
        }
        boolean extended = length - at == 4;
        if (extended) {
            timestamp = ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8)
                    | (b[at + 3] & 0xFFL);
        }
        return new ChunkHeader(fmt, csid, timestamp, messageLength, typeId, streamId, extended);
    }

    /** The same header without its extended timestamp (a format 3 chunk whose 4 bytes turned out to be payload). */
    ChunkHeader withoutExtendedTimestamp() {
        return new ChunkHeader(fmt, chunkStreamId, 0, messageLength, typeId, messageStreamId, false);
    }

    public int encodedLength() {
        int basic = chunkStreamId < 64 ? 1 : chunkStreamId < 320 ? 2 : 3;
        return basic + messageHeaderLength(fmt) + (extendedTimestamp ? 4 : 0);
    }

    public void encode(ByteBuffer out) {
        if (chunkStreamId < 64) {
            out.put((byte) (fmt << 6 | chunkStreamId));
        } else if (chunkStreamId < 320) {
            out.put((byte) (fmt << 6));
            out.put((byte) (chunkStreamId - 64));
        } else {
            out.put((byte) (fmt << 6 | 1));
            out.put((byte) (chunkStreamId - 64));
            out.put((byte) ((chunkStreamId - 64) >>> 8));
        }
        if (fmt <= 2) {
            putUint24(out, extendedTimestamp ? EXTENDED_TIMESTAMP_MARKER : (int) timestamp);
        }
        if (fmt <= 1) {
            putUint24(out, messageLength);
            out.put((byte) typeId);
        }
        if (fmt == 0) {
            out.put((byte) messageStreamId);
            out.put((byte) (messageStreamId >>> 8));
            out.put((byte) (messageStreamId >>> 16));
            out.put((byte) (messageStreamId >>> 24));
        }
        if (extendedTimestamp) {
            out.putInt((int) timestamp);
        }
    }

    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(encodedLength());
        encode(out);
        return out.array();
    }

    private static int readUint24(byte[] b, int at) {
        return (b[at] & 0xFF) << 16 | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF);
    }

    private static void putUint24(ByteBuffer out, int v) {
        out.put((byte) (v >>> 16));
        out.put((byte) (v >>> 8));
        out.put((byte) v);
    }
}
