package io.tributary.ingest.connection;

import io.vertx.core.net.NetSocket;
import java.util.EnumSet;
import java.util.Set;

/**
 * Why a connection's socket is not being read. Each reason pauses it on its own; it is read again only when no reason
 * is left, so that, say, the end of Kafka backpressure does not resume a publisher still waiting for its publish
 * decision. Confined to the connection's event loop.
 */
final class ReadGate {

    enum Reason {
        /** A publish waits for auth-service: nothing more is accepted until the answer. */
        DECISION,
        /** The publisher's Kafka in-flight budget is spent. */
        KAFKA_BACKPRESSURE,
        /** The peer does not read our answers. */
        WRITE_STALL
    }

    private final NetSocket socket;
    private final Set<Reason> reasons = EnumSet.noneOf(Reason.class);
    private boolean closed;

    ReadGate(NetSocket socket) {
        this.socket = socket;
    }

    void pause(Reason reason) {
        if (reasons.isEmpty() && !closed) {
            socket.pause();
        }
        reasons.add(reason);
    }

    void resume(Reason reason) {
        if (reasons.remove(reason) && reasons.isEmpty() && !closed) {
            socket.resume();
        }
    }

    boolean pausedFor(Reason reason) {
        return reasons.contains(reason);
    }

    /** The socket is closed: pausing or resuming it would only fail. */
    void closed() {
        closed = true;
    }
}
