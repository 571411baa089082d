package io.tributary.ingest.rtmp.message;

import java.util.Optional;

/**
 * When to send an {@link Acknowledgement} (RTMP spec 5.4.3, 5.4.4): once the peer has announced a window with
 * Window Acknowledgement Size, acknowledge each time that many more bytes have been received, with the total
 * received so far (handshake included) modulo 2^32. Encoders such as OBS slow down when acks do not come.
 */
public final class AcknowledgementWindow {

    private long windowSize;
    private long received;
    private long lastAcknowledged;

    /** The peer's Window Acknowledgement Size; 0 (the start) means no acks are expected. */
    public void windowSize(long size) {
        this.windowSize = size;
    }

    /** Counts bytes read from the socket; returns the Acknowledgement to send if the window is full. */
    public Optional<Acknowledgement> received(long bytes) {
        received += bytes;
        if (windowSize > 0 && received - lastAcknowledged >= windowSize) {
            lastAcknowledged = received;
            return Optional.of(new Acknowledgement(received & 0xFFFF_FFFFL));
        }
        return Optional.empty();
    }

    public long totalReceived() {
        return received;
    }
}
