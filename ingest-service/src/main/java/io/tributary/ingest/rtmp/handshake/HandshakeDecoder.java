package io.tributary.ingest.rtmp.handshake;

import io.tributary.ingest.rtmp.RtmpProtocolException;
import io.tributary.ingest.rtmp.RtmpProtocolException.Reason;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The server side of the RTMP handshake (Adobe RTMP specification 5.2) as a push decoder: feed it whatever the
 * socket delivered; it answers S0+S1+S2 as soon as C0+C1 are complete and reports {@code done} after C2.
 *
 * <p>If C1 carries a valid Flash Player 9 digest (either {@link DigestSchema}), the answer is a "complex" one: S1
 * carries our own digest in the client's schema and S2 a digest keyed from C1's, which Flash Player and librtmp
 * check. Otherwise (C1 version 0, e.g. GStreamer, or an unsigned C1) S2 simply echoes C1. C2 is read and ignored:
 * clients disagree about what it should echo, and the recorded sessions in our test vectors echo another server's
 * S1, so insisting on it would only reject real encoders.
 *
 * <p>Not thread-safe: one decoder per connection, confined to its event loop.
 */
public final class HandshakeDecoder {

    public enum State { AWAITING_C0, AWAITING_C1, AWAITING_C2, DONE, FAILED }

    /** Size of C1, C2, S1, S2 (RTMP spec 5.2.3). */
    public static final int PACKET_SIZE = 1536;
    /** The only version in C0 we speak: plain RTMP (6 is RTMPE, which we do not offer). */
    public static final int RTMP_VERSION = 3;
    /** Version field of our S1 in a complex handshake; clients only check that it is non-zero. */
    private static final byte[] SERVER_VERSION = {5, 0, 3, 1};

    private final RandomGenerator random;
    private final byte[] c1 = new byte[PACKET_SIZE];
    private int c1Filled;
    private int c2Remaining = PACKET_SIZE;
    private State state = State.AWAITING_C0;
    private Optional<DigestSchema> clientSchema = Optional.empty();

    public HandshakeDecoder() {
        this(new SplittableRandom());
    }

    /** @param random fills the random parts of S1 and S2; tests pass a seeded one */
    public HandshakeDecoder(RandomGenerator random) {
        this.random = random;
    }

    public State state() {
        return state;
    }

    /** The digest schema of a complex handshake, empty for a simple one or before C1 is complete. */
    public Optional<DigestSchema> clientSchema() {
        return clientSchema;
    }

    /** The version field of C1 (e.g. 0x09007C02 for ffmpeg's "9.0.124.2", 0 for GStreamer), for logs. */
    public long clientVersion() {
        return state == State.AWAITING_C0 || state == State.AWAITING_C1 ? 0 : readUint32(c1, 4);
    }

    public HandshakeResult feed(byte[] bytes) {
        return feed(ByteBuffer.wrap(bytes));
    }

    /**
     * Consumes all of {@code in}.
     *
     * @throws RtmpProtocolException with {@link Reason#UNSUPPORTED_VERSION} for a C0 other than 3 (the decoder is
     *                               then {@link State#FAILED}), {@link Reason#DECODER_FAILED} when fed after that
     */
    public HandshakeResult feed(ByteBuffer in) {
        byte[] toSend = HandshakeResult.EMPTY;
        while (in.hasRemaining()) {
            switch (state) {
                case AWAITING_C0 -> readC0(in.get() & 0xFF);
                case AWAITING_C1 -> {
                    int n = Math.min(PACKET_SIZE - c1Filled, in.remaining());
                    in.get(c1, c1Filled, n);
                    c1Filled += n;
                    if (c1Filled == PACKET_SIZE) {
                        toSend = answer();
                        state = State.AWAITING_C2;
                    }
                }
                case AWAITING_C2 -> {
                    int n = Math.min(c2Remaining, in.remaining());
                    in.position(in.position() + n);
                    c2Remaining -= n;
                    if (c2Remaining == 0) {
                        state = State.DONE;
                    }
                }
                case DONE -> {
                    byte[] leftover = new byte[in.remaining()];
                    in.get(leftover);
                    return new HandshakeResult(toSend, true, leftover);
                }
                case FAILED -> throw new RtmpProtocolException(Reason.DECODER_FAILED, "handshake already failed");
            }
        }
        if (state == State.FAILED) {
            throw new RtmpProtocolException(Reason.DECODER_FAILED, "handshake already failed");
        }
        boolean done = state == State.DONE;
        return toSend.length == 0 && !done
                ? HandshakeResult.NEED_MORE
                : new HandshakeResult(toSend, done, HandshakeResult.EMPTY);
    }

    private void readC0(int version) {
        if (version != RTMP_VERSION) {
            state = State.FAILED;
            throw new RtmpProtocolException(Reason.UNSUPPORTED_VERSION,
                    "C0 version " + version + ", only " + RTMP_VERSION + " is supported");
        }
        state = State.AWAITING_C1;
    }

    /** S0 + S1 + S2 in one write. */
    private byte[] answer() {
        clientSchema = HandshakeDigest.findClientSchema(c1);
        byte[] s1 = new byte[PACKET_SIZE];
        byte[] s2;
        random.nextBytes(s1);
        // time 0 (RTMP spec 5.2.3: "may be 0")
        Arrays.fill(s1, 0, 4, (byte) 0);
        if (clientSchema.isPresent()) {
            DigestSchema schema = clientSchema.get();
            System.arraycopy(SERVER_VERSION, 0, s1, 4, 4);
            HandshakeDigest.signServerPacket(s1, schema);
            int c1DigestOffset = schema.digestOffset(c1);
            byte[] c1Digest = Arrays.copyOfRange(c1, c1DigestOffset, c1DigestOffset + HandshakeDigest.DIGEST_LENGTH);
            s2 = new byte[PACKET_SIZE];
            random.nextBytes(s2);
            HandshakeDigest.signServerResponse(s2, c1Digest);
        } else {
            // simple handshake: zero version, S2 echoes C1 (RTMP spec 5.2.4)
            Arrays.fill(s1, 4, 8, (byte) 0);
            s2 = c1.clone();
        }
        byte[] out = new byte[1 + 2 * PACKET_SIZE];
        out[0] = RTMP_VERSION;
        System.arraycopy(s1, 0, out, 1, PACKET_SIZE);
        System.arraycopy(s2, 0, out, 1 + PACKET_SIZE, PACKET_SIZE);
        return out;
    }

    private static long readUint32(byte[] b, int at) {
        return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
    }
}
