package io.tributary.ingest.rtmp.message;

import io.tributary.ingest.rtmp.RtmpProtocolException;
import io.tributary.ingest.rtmp.RtmpProtocolException.Reason;
import io.tributary.ingest.rtmp.chunk.RawMessage;

/** Set Chunk Size, type 1 (RTMP spec 5.4.1): 31 bits, the most significant bit must be zero. */
public record SetChunkSize(int chunkSize) implements RtmpMessage {

    public static final int TYPE_ID = 1;

    public SetChunkSize {
        if (chunkSize <= 0) {
            throw new IllegalArgumentException("chunk size must be 1..2^31-1: " + chunkSize);
        }
    }

    static SetChunkSize decode(byte[] payload) {
        BigEndian.require(payload, 4, "Set Chunk Size");
        long size = BigEndian.uint32(payload, 0);
        if (size == 0 || size > Integer.MAX_VALUE) {
            throw new RtmpProtocolException(Reason.INVALID_CHUNK_SIZE, "Set Chunk Size " + size);
        }
        return new SetChunkSize((int) size);
    }

    @Override
    public int typeId() {
        return TYPE_ID;
    }

    @Override
    public RawMessage encode() {
        return RtmpMessage.control(TYPE_ID, BigEndian.uint32(chunkSize));
    }
}
