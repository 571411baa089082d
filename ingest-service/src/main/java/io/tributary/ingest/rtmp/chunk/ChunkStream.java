package io.tributary.ingest.rtmp.chunk;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What the decoder remembers about one chunk stream id: the fields of its last message header (formats 1-3 only
 * send what changed, RTMP spec 5.3.1.2) and the message being assembled on it.
 */
final class ChunkStream {

    /**
     * The assembly buffer starts at most this large and doubles as payload arrives (never past the declared
     * length), so memory follows the bytes a peer really sent, not the lengths it declares in 12-byte headers.
     * Once the peer has sent a larger message on this chunk stream, a message up to that size starts at its full
     * length: a 720p keyframe (100-150 kB every GOP) then costs one array instead of two or three. That is still memory the peer
     * has shown it sends, and the decoder's buffering budget bounds the sum of what is in assembly either way.
     */
    static final int INITIAL_BUFFER = 64 * 1024;

    final int chunkStreamId;
    long timestamp;
    /** The timestamp field of the last format 0/1/2 header, which a new message in a format 3 chunk adds again. */
    long timestampDelta;
    int messageLength;
    int typeId;
    int messageStreamId;
    /** Whether the last format 0/1/2 header had an extended timestamp, and its value. */
    boolean extended;
    long extendedValue;

    private byte[] payload;
    private int received;
    /** The longest message completed on this chunk stream. */
    private int largestCompleted;

    ChunkStream(int chunkStreamId) {
        this.chunkStreamId = chunkStreamId;
    }

    boolean inProgress() {
        return payload != null;
    }

    void startMessage() {
        payload = new byte[Math.min(messageLength, Math.max(INITIAL_BUFFER, largestCompleted))];
        received = 0;
    }

    /** Bytes allocated for the message in assembly (tests check it follows received bytes). */
    int capacity() {
        return payload == null ? 0 : payload.length;
    }

    int remaining() {
        return messageLength - received;
    }

    void append(ByteBuffer src, int n) {
        int needed = received + n;
        if (needed > payload.length) {
            payload = Arrays.copyOf(payload, Math.min(messageLength, Math.max(needed, payload.length * 2)));
        }
        src.get(payload, received, n);
        received += n;
    }

    /** The completed payload; the stream is ready for its next message. */
    byte[] takePayload() {
        byte[] complete = payload;
        largestCompleted = Math.max(largestCompleted, complete.length);
        payload = null;
        received = 0;
        return complete;
    }

    void dropMessage() {
        payload = null;
        received = 0;
    }
}
