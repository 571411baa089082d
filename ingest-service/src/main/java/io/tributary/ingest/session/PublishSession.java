package io.tributary.ingest.session;

import io.tributary.ingest.auth.PublishDecision;
import io.tributary.ingest.auth.PublishDecision.Allowed;
import io.tributary.ingest.auth.PublishDecision.Denied;
import io.tributary.ingest.auth.PublishRequest;
import io.tributary.ingest.gop.MalformedMediaException;
import io.tributary.ingest.rtmp.command.AppName;
import io.tributary.ingest.rtmp.command.CommandResponses;
import io.tributary.ingest.rtmp.command.PublishName;
import io.tributary.ingest.rtmp.command.RtmpCommand;
import io.tributary.ingest.rtmp.command.RtmpCommand.CloseStream;
import io.tributary.ingest.rtmp.command.RtmpCommand.Connect;
import io.tributary.ingest.rtmp.command.RtmpCommand.CreateStream;
import io.tributary.ingest.rtmp.command.RtmpCommand.DeleteStream;
import io.tributary.ingest.rtmp.command.RtmpCommand.FCPublish;
import io.tributary.ingest.rtmp.command.RtmpCommand.FCUnpublish;
import io.tributary.ingest.rtmp.command.RtmpCommand.GetStreamLength;
import io.tributary.ingest.rtmp.command.RtmpCommand.Publish;
import io.tributary.ingest.rtmp.command.RtmpCommand.ReleaseStream;
import io.tributary.ingest.rtmp.command.RtmpCommand.SetDataFrame;
import io.tributary.ingest.rtmp.command.RtmpCommand.Unknown;
import io.tributary.ingest.rtmp.message.Audio;
import io.tributary.ingest.rtmp.message.RtmpMessage;
import io.tributary.ingest.rtmp.message.Video;
import io.tributary.media.flv.ScriptDataTag;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * The publish state machine of one connection (RTMP spec 7.2 and the FMLE command habits every encoder follows):
 *
 * <pre>
 * AWAITING_CONNECT --connect--> CONNECTED --publish--> AWAITING_DECISION --allow--> PUBLISHING
 *        |                        ^   |                       |                        |
 *        +--- publish timeout ----+---+--> CLOSED <---deny----+        unpublish: back to CONNECTED;
 *                                                                      anything else: CLOSED
 * </pre>
 *
 * <p><b>Decide, then answer.</b> {@code publish} asks the {@code PublishAuthorizer}; meanwhile the connection holds
 * its input ({@link Peer#holdInput()}), so no media and no later command is accepted before the decision.
 * {@code NetStream.Publish.Start} goes out only after an allow (and after this instance's local guard claimed the
 * channel); a refusal gets {@code NetStream.Publish.BadName} with the reason, then the connection closes.
 *
 * <p>Client habits: releaseStream, FCPublish and createStream are answered whatever their transaction id (GStreamer
 * sends 0); {@code deleteStream} ends the session whatever stream id it names (GStreamer sends the stream name); an
 * empty-name publish while publishing is a stop (Flash's {@code publish(false)}, Wirecast before it unpublishes);
 * unknown commands with a transaction id get an empty {@code _result}, others are ignored, never a close.
 *
 * <p>Confined to the connection's event loop; decisions and Kafka completions come back through {@code context}.
 */
public final class PublishSession implements LiveSession.Owner {

    private static final Logger LOG = Logger.getLogger(PublishSession.class);

    enum State { AWAITING_CONNECT, CONNECTED, AWAITING_DECISION, PUBLISHING, CLOSED }

    private final Peer peer;
    private final SessionServices services;
    private final Executor context;
    private State state = State.AWAITING_CONNECT;
    private long stateSince;
    private AppName app = AppName.parse("");
    private int nextStreamId = 1;
    private int publishStreamId;
    private LiveSession live;

    public PublishSession(Peer peer, SessionServices services, Executor context) {
        this.peer = peer;
        this.services = services;
        this.context = context;
        this.stateSince = services.nowMillis().getAsLong();
    }

    /** While true the connection must not hand over anything: a publish is waiting for its decision. */
    boolean holdsInput() {
        return state == State.AWAITING_DECISION;
    }

    /** The live channel, for the connection's log lines. */
    public Optional<String> channel() {
        return live == null ? Optional.empty() : Optional.of(live.identity().channel());
    }

    State state() {
        return state;
    }

    public void onCommand(RtmpCommand command) {
        if (state == State.CLOSED) {
            return;
        }
        if (command instanceof Connect c) {
            connect(c);
        } else if (command instanceof ReleaseStream r) {
            peer.send(CommandResponses.emptyResult(r.transactionId()));
        } else if (command instanceof FCPublish f) {
            peer.send(CommandResponses.onFCPublish());
            peer.send(CommandResponses.emptyResult(f.transactionId()));
        } else if (command instanceof CreateStream c) {
            peer.send(CommandResponses.createStreamResult(c.transactionId(), nextStreamId));
            nextStreamId = nextStreamId == Integer.MAX_VALUE ? 1 : nextStreamId + 1;
        } else if (command instanceof Publish p) {
            publish(p);
        } else if (command instanceof FCUnpublish f) {
            peer.send(CommandResponses.onFCUnpublish());
            peer.send(CommandResponses.emptyResult(f.transactionId()));
            unpublish("FCUnpublish", -1);
        } else if (command instanceof DeleteStream) {
            unpublish("deleteStream", -1);
        } else if (command instanceof CloseStream c) {
            unpublish("closeStream", c.messageStreamId());
        } else if (command instanceof GetStreamLength g) {
            peer.send(CommandResponses.getStreamLengthResult(g.transactionId()));
        } else if (command instanceof SetDataFrame d) {
            if (state == State.PUBLISHING && ScriptDataTag.ON_META_DATA.equals(d.dataName())) {
                media(() -> live.metadata(d.timestamp(), d.metadata()));
            }
        } else if (command instanceof Unknown u) {
            if (u.transactionId() > 0 && !u.name().equals("_result") && !u.name().equals("_error")) {
                peer.send(CommandResponses.emptyResult(u.transactionId()));
            }
        }
    }

    /** An audio (type 8) or video (type 9) message; dropped unless publishing. */
    public void onMedia(RtmpMessage message) {
        if (state != State.PUBLISHING) {
            return;
        }
        if (message instanceof Video v) {
            media(() -> live.video(v.timestamp(), v.payload()));
        } else if (message instanceof Audio a) {
            media(() -> live.audio(a.timestamp(), a.payload()));
        }
    }

    /** Deadlines and watchdogs; called about once a second. */
    public void tick(long now) {
        switch (state) {
            case AWAITING_CONNECT, CONNECTED -> {
                long waited = now - stateSince;
                if (waited > services.settings().publishTimeoutMillis()) {
                    services.metrics().protocolError("publish-timeout");
                    LOG.infof("closing %s: no publish within %d ms", peer.remoteAddress(), waited);
                    close();
                }
            }
            case AWAITING_DECISION -> {
                // the authorizer answers within its own timeout; this only guards against one that never does
                if (now - stateSince > services.settings().publishTimeoutMillis()) {
                    refuse(PublishDecision.AUTH_UNAVAILABLE);
                }
            }
            case PUBLISHING -> live.check(now).ifPresent(this::endLive);
            default -> {
                // CLOSED has nothing to watch
            }
        }
    }

    /** The connection is gone (the publisher hung up, or broke the protocol): ends the live session with it. */
    public void onConnectionClosed(EndCause cause) {
        if (live != null) {
            live.end(cause);
            live = null;
        }
        state = State.CLOSED;
    }

    /** Ends the live session (watchdog, Kafka failure, revocation, operator); closes the connection if the cause says. */
    @Override
    public void endLive(EndCause cause) {
        endLive(cause, null);
    }

    private CompletionStage<Void> endLive(EndCause cause, String onlySessionId) {
        if (live == null || onlySessionId != null && !live.identity().sessionId().equals(onlySessionId)) {
            return CompletableFuture.completedFuture(null);
        }
        CompletionStage<Void> ended = live.end(cause);
        live = null;
        if (cause.closesConnection()) {
            close();
        } else {
            enter(State.CONNECTED);
        }
        return ended;
    }

    private void connect(Connect c) {
        if (state != State.AWAITING_CONNECT) {
            return; // a second connect changes nothing; ignoring it is harmless
        }
        app = c.app();
        SessionSettings settings = services.settings();
        CommandResponses.controlAfterConnect(settings.acknowledgementWindow(), settings.acknowledgementWindow(),
                settings.chunkSize()).forEach(peer::send);
        peer.send(CommandResponses.connectResult(c));
        enter(State.CONNECTED);
    }

    private void publish(Publish p) {
        PublishName name = p.name();
        boolean empty = name.isEmpty() && name.query().isEmpty();
        switch (state) {
            case AWAITING_CONNECT -> {
                services.metrics().protocolError("publish-before-connect");
                LOG.infof("closing %s: publish before connect", peer.remoteAddress());
                close();
            }
            case CONNECTED -> {
                if (!empty) {
                    askAuthorizer(p);
                }
            }
            case PUBLISHING -> {
                if (empty) {
                    unpublish("publish without a name", p.messageStreamId());
                } else {
                    peer.send(CommandResponses.publishRejected(p.messageStreamId(), "already publishing"));
                }
            }
            default -> {
                // AWAITING_DECISION holds input; CLOSED ignores everything
            }
        }
    }

    private void askAuthorizer(Publish p) {
        PublishName name = p.name();
        String query = name.query().isEmpty() ? app.query() : name.query();
        PublishRequest request = new PublishRequest(name.key(), app.name(), query, peer.remoteIp());
        publishStreamId = p.messageStreamId();
        enter(State.AWAITING_DECISION);
        peer.holdInput();
        services.authorizer().decide(request).whenComplete((decision, failure) -> context.execute(() ->
                decided(failure == null ? decision : new Denied(PublishDecision.AUTH_UNAVAILABLE))));
    }

    private void decided(PublishDecision decision) {
        if (state != State.AWAITING_DECISION) {
            return; // the publisher left meanwhile: nothing was published, nothing is announced
        }
        if (decision instanceof Denied denied) {
            refuse(denied.reason());
            return;
        }
        Allowed allowed = (Allowed) decision;
        LiveSession session = new LiveSession(allowed, app.name(), peer, services, context, this);
        String sessionId = allowed.sessionId();
        if (!services.registry().claim(session.view(), cause -> onContext(cause, sessionId))) {
            refuse(PublishDecision.CHANNEL_LIVE);
            return;
        }
        live = session;
        live.begin();
        CommandResponses.publishAccepted(publishStreamId).forEach(peer::send);
        enter(State.PUBLISHING);
        peer.releaseInput();
    }

    private void refuse(String reason) {
        services.metrics().publishRejected(reason);
        LOG.infof("publish refused: reason=%s app=%s remote=%s", reason, app.name(), peer.remoteAddress());
        peer.send(CommandResponses.publishRejected(publishStreamId, reason));
        close();
    }

    private void unpublish(String command, int streamId) {
        if (state != State.PUBLISHING) {
            return;
        }
        endLive(EndCause.unpublished(command));
        if (streamId >= 0) {
            peer.send(CommandResponses.unpublishSuccess(streamId));
        }
    }

    /** A handle's end request, hopped onto this connection's event loop. */
    private CompletionStage<Void> onContext(EndCause cause, String sessionId) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.execute(() -> endLive(cause, sessionId).whenComplete((v, e) -> done.complete(null)));
        return done;
    }

    /** Runs media handling; media the GOP layer cannot carry ends the session with {@code error}. */
    private void media(Runnable handling) {
        try {
            handling.run();
        } catch (MalformedMediaException e) {
            endLive(EndCause.error(e.getMessage()));
        }
    }

    private void enter(State next) {
        state = next;
        stateSince = services.nowMillis().getAsLong();
    }

    private void close() {
        if (live != null) {
            live.end(EndCause.error("connection closed"));
            live = null;
        }
        state = State.CLOSED;
        peer.close();
    }
}
