package io.tributary.ingest.rtmp.chunk;

import io.tributary.ingest.rtmp.RtmpLimits;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Splits the messages we send into chunks (RTMP spec 5.3). The first message on a chunk stream, or one on another
 * message stream or with a smaller timestamp, gets a format 0 header; the next ones a format 1 header with the
 * timestamp delta; continuation chunks format 3, repeating the extended timestamp as the spec (5.3.1.3) and ffmpeg
 * do. A Set Chunk Size message we encode applies to everything encoded after it, as the peer will read it so.
 *
 * <p>Not thread-safe: one per connection, used in the order the bytes are written.
 */
public final class ChunkEncoder {

    private record Previous(int messageStreamId, long timestamp) {
    }

    private final Map<Integer, Previous> previous = new HashMap<>();
    private int chunkSize = ChunkDecoder.DEFAULT_CHUNK_SIZE;

    /** Our current outgoing chunk size. */
    public int chunkSize() {
        return chunkSize;
    }

    /**
     * The chunks of one message, ready to write.
     *
     * @param chunkStreamId 2..65599; by convention 2 for protocol control, 3 for commands (see
     *                      {@code RtmpMessage.preferredChunkStreamId()})
     */
    public byte[] encode(int chunkStreamId, RawMessage message) {
        if (chunkStreamId < ChunkHeader.MIN_CHUNK_STREAM_ID || chunkStreamId > ChunkHeader.MAX_CHUNK_STREAM_ID) {
            throw new IllegalArgumentException("chunk stream id " + chunkStreamId);
        }
        byte[] payload = message.payload();
        if (payload.length > RtmpLimits.WIRE_MAX_MESSAGE_LENGTH) {
            throw new IllegalArgumentException("a message cannot exceed the 24-bit length field: " + payload.length);
        }
        Previous prev = previous.get(chunkStreamId);
        ChunkHeader first;
        if (prev == null || prev.messageStreamId() != message.messageStreamId()
                || message.timestamp() < prev.timestamp()) {
            first = new ChunkHeader(0, chunkStreamId, message.timestamp(), payload.length, message.typeId(),
                    message.messageStreamId(), message.timestamp() >= ChunkHeader.EXTENDED_TIMESTAMP_MARKER);
        } else {
            long delta = message.timestamp() - prev.timestamp();
            first = new ChunkHeader(1, chunkStreamId, delta, payload.length, message.typeId(), 0,
                    delta >= ChunkHeader.EXTENDED_TIMESTAMP_MARKER);
        }
        previous.put(chunkStreamId, new Previous(message.messageStreamId(), message.timestamp()));
        ChunkHeader continuation =
                ChunkHeader.continuation(chunkStreamId, first.extendedTimestamp(), first.timestamp());

        int chunks = payload.length == 0 ? 1 : (payload.length + chunkSize - 1) / chunkSize;
        ByteBuffer out = ByteBuffer.allocate(
                first.encodedLength() + (chunks - 1) * continuation.encodedLength() + payload.length);
        first.encode(out);
        for (int at = 0; at < payload.length; at += chunkSize) {
            if (at > 0) {
                continuation.encode(out);
            }
            out.put(payload, at, Math.min(chunkSize, payload.length - at));
        }
        if (message.typeId() == 1 && payload.length >= 4) {
            int size = ByteBuffer.wrap(payload).getInt();
            if (size > 0) {
                chunkSize = size;
            }
        }
        return out.array();
    }
}
