package io.tributary.ingest.session;

import io.tributary.media.event.StopReason;
import java.util.Objects;

/**
 * Why a live session ends: the {@link StopReason} written to {@code stream-stopped}, the detail for the one log line
 * that says so (never a key), and whether the publisher's connection is closed with it.
 *
 * @param closesConnection false only when the publisher itself unpublished and may publish again or hang up
 */
public record EndCause(StopReason reason, String detail, boolean closesConnection) {

    public EndCause {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** The publisher unpublished ({@code FCUnpublish}, {@code deleteStream}, {@code closeStream}, empty publish). */
    public static EndCause unpublished(String command) {
        return new EndCause(StopReason.PUBLISHER_CLOSED, command, false);
    }

    /** The publisher's connection closed. */
    public static EndCause disconnected() {
        return new EndCause(StopReason.PUBLISHER_CLOSED, "connection closed by the publisher", true);
    }

    /**
     * An operator ended the session (admin API, ingest shutdown): for consumers an ordinary end, so
     * {@code publisher-closed}; the log line says who.
     */
    public static EndCause byOperator(String who) {
        return new EndCause(StopReason.PUBLISHER_CLOSED, "ended by " + who, true);
    }

    /** auth-service revoked the key that opened the session. */
    public static EndCause revoked() {
        return new EndCause(StopReason.REVOKED, "stream key revoked", true);
    }

    /** No media for the idle timeout. */
    public static EndCause idle(long millis) {
        return new EndCause(StopReason.TIMEOUT, "no media for " + millis + " ms", true);
    }

    /** A protocol error, a broken limit, a Kafka failure: the detail says which. */
    public static EndCause error(String detail) {
        return new EndCause(StopReason.ERROR, detail, true);
    }
}
