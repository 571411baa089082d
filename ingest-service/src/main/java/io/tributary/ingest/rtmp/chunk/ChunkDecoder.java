package io.tributary.ingest.rtmp.chunk;

import io.tributary.ingest.rtmp.RtmpLimits;
import io.tributary.ingest.rtmp.RtmpProtocolException;
import io.tributary.ingest.rtmp.RtmpProtocolException.Reason;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reassembles RTMP messages from the chunk stream (RTMP spec 5.3) as a push decoder: {@link #feed} takes whatever
 * the socket delivered and returns the messages it completed (empty: need more bytes).
 *
 * <ul>
 *   <li>Formats 0-3, 1/2/3-byte chunk stream ids, extended timestamps on every format.</li>
 *   <li>Format 3 chunks after an extended timestamp: the spec (5.3.1.3) and ffmpeg repeat the 4 bytes, some
 *       encoders omit them. The first such chunk tells which habit this peer has (do its next 4 bytes equal the
 *       extended timestamp?); the answer is kept for the connection.</li>
 *   <li>Timestamp deltas accumulate per chunk stream, modulo 2^32. A format 3 chunk that starts a new message adds
 *       the last delta again; after a format 0 header that "delta" is the format 0 timestamp itself (spec
 *       5.3.1.2.4, and what ffmpeg does).</li>
 *   <li>Set Chunk Size (1 .. 2^31-1) and Abort are applied here, between two chunks, and still returned.</li>
 *   <li>A format 1 header on a new chunk stream is accepted as if the previous header were all zeros (ffmpeg and
 *       nginx-rtmp tolerate it); formats 2 and 3 there are errors, having no length to go on.</li>
 *   <li>A format 0/1/2 header on a chunk stream with a partial message abandons that message, as ffmpeg does.</li>
 * </ul>
 *
 * <p>Limits ({@link RtmpLimits}) are checked at the header, before anything is allocated for the message: its
 * length against the limit of its type, the sum of declared lengths of incomplete messages against the buffering
 * budget, the number of chunk streams. Any error is an {@link RtmpProtocolException} and leaves the decoder
 * {@link State#FAILED} for good. Not thread-safe: one per connection.
 */
public final class ChunkDecoder {

    public enum State {
        /** Reading a chunk header (possibly partially received). */
        HEADER,
        /** Copying a chunk's payload into its message. */
        PAYLOAD,
        /** Terminal: a protocol error happened; every further feed throws. */
        FAILED
    }

    /** Until the peer sends Set Chunk Size (RTMP spec 5.4.1). */
    public static final int DEFAULT_CHUNK_SIZE = 128;

    private enum Type3Habit { UNKNOWN, REPEATS_EXTENDED_TIMESTAMP, OMITS_EXTENDED_TIMESTAMP }

    private final RtmpLimits limits;
    private final Map<Integer, ChunkStream> streams = new HashMap<>();
    private final byte[] header = new byte[ChunkHeader.MAX_LENGTH];
    private int headerFilled;
    private State state = State.HEADER;
    private int chunkSize = DEFAULT_CHUNK_SIZE;
    private ChunkStream current;
    private int chunkRemaining;
    private long bufferedBytes;
    private long bytesReceived;
    private Type3Habit type3Habit = Type3Habit.UNKNOWN;

    public ChunkDecoder(RtmpLimits limits) {
        this.limits = limits;
    }

    public State state() {
        return state;
    }

    /** The peer's current chunk size. */
    public int chunkSize() {
        return chunkSize;
    }

    /** Bytes fed so far (the handshake not included), for logs and metrics. */
    public long bytesReceived() {
        return bytesReceived;
    }

    /** Chunk stream ids seen so far. */
    public int chunkStreamCount() {
        return streams.size();
    }

    /** Sum of the declared lengths of the messages in assembly. */
    public long bufferedBytes() {
        return bufferedBytes;
    }

    /** Bytes actually allocated for messages in assembly: follows what the peer sent, not what it declared. */
    long assemblyBufferBytes() {
        return streams.values().stream().mapToLong(ChunkStream::capacity).sum();
    }

    public List<RawMessage> feed(byte[] bytes) {
        return feed(ByteBuffer.wrap(bytes));
    }

    public List<RawMessage> feed(byte[] bytes, int offset, int length) {
        return feed(ByteBuffer.wrap(bytes, offset, length));
    }

    /**
     * Consumes all of {@code in} and returns the messages completed by it, in order. What the messages need is copied
     * out of {@code in}, and no reference to it is kept: it may be a view of a socket buffer that is reused after
     * this call.
     *
     * @throws RtmpProtocolException for any protocol error or broken limit; the decoder is then {@link State#FAILED}
     */
    public List<RawMessage> feed(ByteBuffer in) {
        if (state == State.FAILED) {
            throw new RtmpProtocolException(Reason.DECODER_FAILED, "chunk stream already failed");
        }
        bytesReceived += in.remaining();
        List<RawMessage> out = new ArrayList<>();
        try {
            ByteBuffer src = in;
            while (src.hasRemaining()) {
                if (state == State.HEADER) {
                    src = readHeader(src, out);
                } else {
                    readPayload(src, out);
                }
            }
        } catch (RuntimeException e) {
            state = State.FAILED;
            throw e;
        }
        return out;
    }

    /** Accumulates header bytes; once complete, applies the header. Returns where to go on reading from. */
    private ByteBuffer readHeader(ByteBuffer src, List<RawMessage> out) {
        int need;
        while ((need = ChunkHeader.requiredLength(header, headerFilled, this::type3HasExtendedTimestamp))
                > headerFilled) {
            if (!src.hasRemaining()) {
                return src;
            }
            int n = Math.min(need - headerFilled, src.remaining());
            src.get(header, headerFilled, n);
            headerFilled += n;
        }
        headerFilled = 0;
        ChunkHeader h = ChunkHeader.decode(header, need);
        ByteBuffer next = src;
        if (h.fmt() == 3 && h.extendedTimestamp() && type3Habit == Type3Habit.UNKNOWN) {
            if (h.timestamp() == streams.get(h.chunkStreamId()).extendedValue) {
                type3Habit = Type3Habit.REPEATS_EXTENDED_TIMESTAMP;
            } else {
                // those 4 bytes were payload (and maybe the next header): read them again, once per connection
                type3Habit = Type3Habit.OMITS_EXTENDED_TIMESTAMP;
                next = ByteBuffer.allocate(4 + src.remaining());
                next.put(header, need - 4, 4).put(src).flip();
                h = h.withoutExtendedTimestamp();
            }
        }
        applyHeader(h, out);
        return next;
    }

    private boolean type3HasExtendedTimestamp(int chunkStreamId) {
        ChunkStream stream = streams.get(chunkStreamId);
        if (stream == null) {
            throw new RtmpProtocolException(Reason.NO_PREVIOUS_HEADER,
                    "format 3 chunk on new chunk stream " + chunkStreamId);
        }
        return stream.extended && type3Habit != Type3Habit.OMITS_EXTENDED_TIMESTAMP;
    }

    private void applyHeader(ChunkHeader h, List<RawMessage> out) {
        ChunkStream s = streams.get(h.chunkStreamId());
        if (s == null) {
            if (h.fmt() >= 2) {
                throw new RtmpProtocolException(Reason.NO_PREVIOUS_HEADER,
                        "format " + h.fmt() + " chunk on new chunk stream " + h.chunkStreamId());
            }
            if (streams.size() >= limits.maxChunkStreams()) {
                throw new RtmpProtocolException(Reason.TOO_MANY_CHUNK_STREAMS,
                        "more than " + limits.maxChunkStreams() + " chunk streams");
            }
            s = new ChunkStream(h.chunkStreamId());
            streams.put(h.chunkStreamId(), s);
        }
        if (h.fmt() == 3) {
            if (!s.inProgress()) {
                s.timestamp = (s.timestamp + s.timestampDelta) & RawMessage.TIMESTAMP_MASK;
                startMessage(s, out);
                return;
            }
        } else {
            if (s.inProgress()) {
                abandon(s);
            }
            s.timestampDelta = h.timestamp();
            s.timestamp = h.fmt() == 0 ? h.timestamp() : (s.timestamp + h.timestamp()) & RawMessage.TIMESTAMP_MASK;
            if (h.fmt() <= 1) {
                s.messageLength = h.messageLength();
                s.typeId = h.typeId();
            }
            if (h.fmt() == 0) {
                s.messageStreamId = h.messageStreamId();
            }
            s.extended = h.extendedTimestamp();
            s.extendedValue = h.timestamp();
            startMessage(s, out);
            return;
        }
        beginChunk(s);
    }

    private void startMessage(ChunkStream s, List<RawMessage> out) {
        int max = limits.maxLengthOfType(s.typeId);
        if (s.messageLength > max) {
            throw new RtmpProtocolException(Reason.MESSAGE_TOO_LONG,
                    "message type " + s.typeId + " of " + s.messageLength + " bytes, limit " + max);
        }
        if (s.messageLength == 0) {
            complete(s, new byte[0], out);
            return;
        }
        if (bufferedBytes + s.messageLength > limits.maxBufferedMessageBytes()) {
            throw new RtmpProtocolException(Reason.TOO_MANY_BUFFERED_BYTES,
                    "incomplete messages would hold " + (bufferedBytes + s.messageLength) + " bytes, limit "
                            + limits.maxBufferedMessageBytes());
        }
        bufferedBytes += s.messageLength;
        s.startMessage();
        beginChunk(s);
    }

    private void beginChunk(ChunkStream s) {
        current = s;
        chunkRemaining = Math.min(chunkSize, s.remaining());
        state = State.PAYLOAD;
    }

    private void readPayload(ByteBuffer src, List<RawMessage> out) {
        int n = Math.min(chunkRemaining, src.remaining());
        current.append(src, n);
        chunkRemaining -= n;
        if (chunkRemaining == 0) {
            state = State.HEADER;
            if (current.remaining() == 0) {
                bufferedBytes -= current.messageLength;
                complete(current, current.takePayload(), out);
            }
        }
    }

    private void complete(ChunkStream s, byte[] payload, List<RawMessage> out) {
        RawMessage message = new RawMessage(s.typeId, s.messageStreamId, s.timestamp, payload);
        applyProtocolControl(message);
        out.add(message);
    }

    /** Set Chunk Size and Abort change how the following chunks are read (RTMP spec 5.4.1, 5.4.2). */
    private void applyProtocolControl(RawMessage message) {
        if (message.typeId() != 1 && message.typeId() != 2) {
            return;
        }
        byte[] p = message.payload();
        if (p.length < 4) {
            throw new RtmpProtocolException(Reason.MALFORMED_CONTROL_MESSAGE,
                    "protocol control message type " + message.typeId() + " of " + p.length + " bytes");
        }
        int value = (p[0] & 0xFF) << 24 | (p[1] & 0xFF) << 16 | (p[2] & 0xFF) << 8 | (p[3] & 0xFF);
        if (message.typeId() == 1) {
            if (value <= 0) {
                throw new RtmpProtocolException(Reason.INVALID_CHUNK_SIZE,
                        "Set Chunk Size " + Integer.toUnsignedString(value));
            }
            chunkSize = value;
        } else {
            ChunkStream aborted = streams.get(value);
            if (aborted != null && aborted.inProgress()) {
                abandon(aborted);
            }
        }
    }

    private void abandon(ChunkStream s) {
        bufferedBytes -= s.messageLength;
        s.dropMessage();
    }
}
