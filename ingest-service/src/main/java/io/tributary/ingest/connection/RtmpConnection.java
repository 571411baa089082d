package io.tributary.ingest.connection;

import io.tributary.ingest.rtmp.RtmpProtocolException;
import io.tributary.ingest.rtmp.chunk.ChunkDecoder;
import io.tributary.ingest.rtmp.chunk.ChunkEncoder;
import io.tributary.ingest.rtmp.chunk.RawMessage;
import io.tributary.ingest.rtmp.command.CommandParser;
import io.tributary.ingest.rtmp.handshake.HandshakeDecoder;
import io.tributary.ingest.rtmp.handshake.HandshakeResult;
import io.tributary.ingest.rtmp.message.AcknowledgementWindow;
import io.tributary.ingest.rtmp.message.Aggregate;
import io.tributary.ingest.rtmp.message.Audio;
import io.tributary.ingest.rtmp.message.MessageDecoder;
import io.tributary.ingest.rtmp.message.RtmpMessage;
import io.tributary.ingest.rtmp.message.UserControl;
import io.tributary.ingest.rtmp.message.UserControlEvent.PingRequest;
import io.tributary.ingest.rtmp.message.UserControlEvent.PingResponse;
import io.tributary.ingest.rtmp.message.Video;
import io.tributary.ingest.rtmp.message.WindowAcknowledgementSize;
import io.tributary.ingest.session.EndCause;
import io.tributary.ingest.session.Peer;
import io.tributary.ingest.session.PublishSession;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLException;
import org.jboss.logging.Logger;

/**
 * The one class that adapts a Vert.x {@link NetSocket} to the pure RTMP layers: socket bytes go through the
 * {@link HandshakeDecoder}, then the {@link ChunkDecoder}, {@link MessageDecoder} and {@link CommandParser}; commands
 * and media go to the connection's {@link PublishSession}, whose answers come back through {@link #send} and the
 * {@link ChunkEncoder}. Protocol control is handled here: acknowledgements (RTMP spec 5.4.3), ping (7.1.7).
 *
 * <p><b>Confinement.</b> Everything here runs on the connection's event loop ({@code context}); the session's
 * asynchronous completions (publish decisions, Kafka acknowledgements) come back through {@link #executor()}.
 *
 * <p><b>Hostile peers.</b> A protocol error, a broken limit, a handshake deadline or a peer that does not read what
 * we write ends the connection with one log line (reason, remote address, channel if known, never a key) and one
 * metric; nothing escapes to the event loop, and no other connection is touched.
 */
final class RtmpConnection implements Peer {

    private static final Logger LOG = Logger.getLogger(RtmpConnection.class);
    /** How often deadlines and the session's watchdogs are checked. */
    private static final long TICK_MILLIS = 1000;
    /** A peer that does not read its last answers within this is dropped anyway. */
    private static final long CLOSE_GRACE_MILLIS = 5000;
    /** A peer that leaves our answers unread this long (while we stop reading it) is closed. */
    private static final long WRITE_STALL_MILLIS = 10_000;

    private final NetSocket socket;
    private final Context context;
    private final ConnectionServices services;
    private final Runnable onClosed;
    private final String remote;
    private final HandshakeDecoder handshake = new HandshakeDecoder();
    private final ChunkDecoder chunks;
    private final MessageDecoder messages;
    private final CommandParser commands;
    private final ChunkEncoder encoder = new ChunkEncoder();
    private final AcknowledgementWindow acknowledgements = new AcknowledgementWindow();
    private final Deque<RawMessage> pending = new ArrayDeque<>();
    private final PublishSession session;
    private final long acceptedAt;
    private final ReadGate gate;
    private long ticker;
    private boolean closing;
    private boolean closed;
    private EndCause closeCause = EndCause.disconnected();

    RtmpConnection(NetSocket socket, Context context, ConnectionServices services, Runnable onClosed) {
        this.socket = socket;
        this.context = context;
        this.services = services;
        this.onClosed = onClosed;
        this.remote = socket.remoteAddress().hostAddress() + ":" + socket.remoteAddress().port();
        this.chunks = new ChunkDecoder(services.limits());
        this.messages = new MessageDecoder(services.limits());
        this.commands = new CommandParser(services.limits());
        this.session = new PublishSession(this, services.sessions(), executor());
        this.acceptedAt = services.sessions().nowMillis().getAsLong();
        this.gate = new ReadGate(socket);
    }

    void start() {
        socket.handler(this::received);
        socket.exceptionHandler(this::socketFailed);
        socket.closeHandler(v -> closed());
        ticker = services.vertx().setPeriodic(TICK_MILLIS, id -> guarded(this::tick));
    }

    /** Runs a task on this connection's event loop: how asynchronous completions come home. */
    private Executor executor() {
        return task -> context.runOnContext(v -> guarded(task));
    }

    // --- Peer, for the session ---

    @Override
    public void send(RtmpMessage message) {
        if (!closing) {
            write(encoder.encode(message.preferredChunkStreamId(), message.encode()));
        }
    }

    @Override
    public void holdInput() {
        gate.pause(ReadGate.Reason.DECISION);
    }

    @Override
    public void releaseInput() {
        context.runOnContext(v -> guarded(() -> {
            gate.resume(ReadGate.Reason.DECISION);
            dispatch();
        }));
    }

    @Override
    public void pauseReading() {
        gate.pause(ReadGate.Reason.KAFKA_BACKPRESSURE);
    }

    @Override
    public void resumeReading() {
        gate.resume(ReadGate.Reason.KAFKA_BACKPRESSURE);
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        pending.clear();
        // an empty write completes once everything written before it is flushed: the last answer reaches the peer
        socket.write(Buffer.buffer()).onComplete(done -> socket.close());
        services.vertx().setTimer(CLOSE_GRACE_MILLIS, id -> socket.close());
    }

    @Override
    public String remoteIp() {
        return socket.remoteAddress().hostAddress();
    }

    @Override
    public String remoteAddress() {
        return remote;
    }

    // --- socket events ---

    private void received(Buffer buffer) {
        if (closing) {
            return;
        }
        guarded(() -> {
            acknowledgements.received(buffer.length()).ifPresent(this::send);
            if (handshake.state() != HandshakeDecoder.State.DONE) {
                HandshakeResult result = handshake.feed(buffer.getBytes()); // 3 kB once per connection
                if (result.toSend().length > 0) {
                    write(result.toSend());
                }
                if (result.done() && result.leftover().length > 0) {
                    pending.addAll(chunks.feed(result.leftover()));
                }
            } else {
                // a view of the read, not a copy: the chunk decoder copies what it keeps into the messages it
                // assembles and holds no reference to the buffer, which is only ours during this call
                pending.addAll(chunks.feed(buffer.getByteBuf().nioBuffer()));
            }
            dispatch();
        });
    }

    /** Hands decoded messages to the session in order, until it holds its input. */
    private void dispatch() {
        RawMessage raw;
        while (!gate.pausedFor(ReadGate.Reason.DECISION) && !closing && (raw = pending.poll()) != null) {
            handle(messages.decode(raw));
        }
    }

    private void handle(RtmpMessage message) {
        if (message instanceof Audio || message instanceof Video) {
            session.onMedia(message);
        } else if (message instanceof Aggregate aggregate) {
            for (RtmpMessage part : aggregate.parts()) {
                handle(part);
            }
        } else if (message instanceof WindowAcknowledgementSize w) {
            acknowledgements.windowSize(w.size());
        } else if (message instanceof UserControl u && u.event() instanceof PingRequest ping) {
            send(new UserControl(new PingResponse(ping.timestamp())));
        } else {
            commands.parse(message).ifPresent(session::onCommand);
        }
    }

    private void tick() {
        if (closing) {
            return;
        }
        long now = services.sessions().nowMillis().getAsLong();
        if (handshake.state() != HandshakeDecoder.State.DONE) {
            long waited = now - acceptedAt;
            if (waited > services.handshakeTimeoutMillis()) {
                fail("handshake-timeout", "no complete handshake within " + waited + " ms");
            }
            return;
        }
        session.tick(now);
    }

    /**
     * A broken TLS record on an RTMPS connection is a malformed peer: one line. Resets and broken pipes are how
     * publishers hang up: debug only. The close handler follows either way.
     */
    private void socketFailed(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                if (!closing) {
                    closing = true;
                    closeCause = EndCause.error("protocol error: tls");
                    services.metrics().protocolError("tls");
                    LOG.infof("closing %s%s: tls (%s)", remote, channelSuffix(), RtmpListener.withoutPeerBytes(t));
                }
                return;
            }
        }
        LOG.debugf("connection %s: %s", remote, failure.toString());
    }

    private void closed() {
        if (closed) {
            return;
        }
        closed = true;
        closing = true;
        gate.closed();
        services.vertx().cancelTimer(ticker);
        pending.clear();
        guarded(() -> session.onConnectionClosed(closeCause));
        services.metrics().connectionClosed();
        onClosed.run();
    }

    // --- helpers ---

    /**
     * Writes to the peer. We only write small answers, so a full write queue means the peer does not read them
     * (a ping flood without reading the responses, say): stop reading it until it drains what we wrote, and close it
     * if it does not within {@link #WRITE_STALL_MILLIS}. What we hold for it stays bounded by one socket read.
     */
    private void write(byte[] bytes) {
        socket.write(Buffer.buffer(bytes));
        if (!gate.pausedFor(ReadGate.Reason.WRITE_STALL) && socket.writeQueueFull()) {
            gate.pause(ReadGate.Reason.WRITE_STALL);
            long timer = services.vertx().setTimer(WRITE_STALL_MILLIS, id -> guarded(() -> {
                if (gate.pausedFor(ReadGate.Reason.WRITE_STALL)) {
                    fail("write-stalled", "the peer left our answers unread for " + WRITE_STALL_MILLIS + " ms");
                }
            }));
            socket.drainHandler(v -> guarded(() -> {
                services.vertx().cancelTimer(timer);
                socket.drainHandler(null);
                gate.resume(ReadGate.Reason.WRITE_STALL);
            }));
        }
    }

    /** Runs connection work so that nothing escapes to the event loop: every failure closes this connection only. */
    private void guarded(Runnable work) {
        try {
            work.run();
        } catch (RtmpProtocolException e) {
            fail(e.reason().name(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "closing %s%s: internal error", remote, channelSuffix());
            closeWith(EndCause.error("internal error: " + e.getClass().getSimpleName()));
        }
    }

    /** The one log line and metric of a peer that broke the protocol or a limit, then the close. */
    private void fail(String reason, String detail) {
        if (closing) {
            return;
        }
        services.metrics().protocolError(reason);
        LOG.infof("closing %s%s: %s (%s)", remote, channelSuffix(), reason, detail);
        closeWith(EndCause.error("protocol error: " + reason));
    }

    private void closeWith(EndCause cause) {
        closeCause = cause;
        try {
            session.onConnectionClosed(cause); // ends the live session now, with this cause
        } catch (RuntimeException e) {
            LOG.errorf(e, "connection %s: ending its session failed", remote);
        }
        close();
    }

    private String channelSuffix() {
        return session.channel().map(c -> " (channel " + c + ")").orElse("");
    }
}
