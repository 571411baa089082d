package io.tributary.ingest.rtmp.handshake;

/**
 * What one {@link HandshakeDecoder#feed} produced.
 *
 * @param toSend   bytes to write to the peer now (S0+S1+S2 once C1 is complete), possibly empty
 * @param done     whether C2 has been received; from then on every byte belongs to the chunk stream
 * @param leftover bytes received after C2 (ffmpeg pipelines its first chunks right behind C2): feed them to the
 *                 chunk decoder; empty unless {@code done}
 */
public record HandshakeResult(byte[] toSend, boolean done, byte[] leftover) {

    static final byte[] EMPTY = new byte[0];

    static final HandshakeResult NEED_MORE = new HandshakeResult(EMPTY, false, EMPTY);

    @Override
    public String toString() {
        return "HandshakeResult[toSend=" + toSend.length + " bytes, done=" + done + ", leftover="
                + leftover.length + " bytes]";
    }
}
