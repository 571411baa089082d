package io.tributary.ingest.session;

import io.tributary.ingest.rtmp.message.RtmpMessage;

/**
 * The publisher's end of the connection, as the session sees it. Implemented by the one socket adapter
 * ({@code RtmpConnection}); every call is made on the connection's event loop.
 */
public interface Peer {

    /** Encodes and writes a message to the publisher. */
    void send(RtmpMessage message);

    /**
     * Stop handing decoded messages to the session, and stop reading: the session is waiting for a decision and
     * accepts nothing meanwhile. What was already read stays queued in order (at most one socket read).
     */
    void holdInput();

    /** Resume handing over the queued messages, then reading. */
    void releaseInput();

    /** Stop reading from the socket (backpressure); TCP then holds the encoder back. */
    void pauseReading();

    /** Read again. */
    void resumeReading();

    /** Close the connection once what was sent has been written. */
    void close();

    /** The publisher's IP address, as auth-service wants it (no port). */
    String remoteIp();

    /** ip:port, for log lines. */
    String remoteAddress();
}
