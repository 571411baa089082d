package io.tributary.ingest.connection;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One RTMP or RTMPS listener on one event loop. {@link RtmpServer} deploys one per event loop with the same options:
 * Vert.x shares the port between them and spreads accepted connections round-robin, so connections (and their
 * chunk decoding and GOP assembly) use every core, while each connection stays on the loop that accepted it.
 */
final class RtmpListener extends AbstractVerticle {

    private static final Logger LOG = Logger.getLogger(RtmpListener.class);
    /** Refusals are logged at most this often: a flood must not become a flood of log lines (the metric counts all). */
    private static final long REFUSAL_LOG_INTERVAL_MILLIS = 10_000;

    private final String name;
    private final boolean tls;
    private final NetServerOptions options;
    private final ConnectionServices services;
    private NetServer server;
    private long lastRefusalLog = -REFUSAL_LOG_INTERVAL_MILLIS;

    /**
     * @param tls whether connections start with a TLS handshake (RTMPS); {@code options} then carry the certificate
     *            but not {@code ssl}: see {@link #accept}
     */
    RtmpListener(String name, boolean tls, NetServerOptions options, ConnectionServices services) {
        this.name = name;
        this.tls = tls;
        this.options = options;
        this.services = services;
    }

    @Override
    public void start(Promise<Void> started) {
        server = vertx.createNetServer(options);
        server.connectHandler(this::accept);
        server.listen().<Void>mapEmpty().onComplete(started);
    }

    @Override
    public void stop(Promise<Void> stopped) {
        server.close().onComplete(stopped);
    }

    private void accept(NetSocket socket) {
        String ip = socket.remoteAddress().hostAddress();
        Optional<String> refused = services.limiter().tryAcquire(ip);
        if (refused.isPresent()) {
            services.metrics().connectionRefused(refused.get());
            long now = services.sessions().nowMillis().getAsLong();
            if (now - lastRefusalLog >= REFUSAL_LOG_INTERVAL_MILLIS) {
                lastRefusalLog = now;
                LOG.infof("refusing %s connection from %s: %s (further refusals counted, logged every %d s)", name,
                        ip, refused.get(), REFUSAL_LOG_INTERVAL_MILLIS / 1000);
            }
            socket.close();
            return;
        }
        services.metrics().connectionOpened(name);
        Runnable release = () -> services.limiter().release(ip);
        if (!tls) {
            new RtmpConnection(socket, context, services, release).start();
            return;
        }
        // TLS is started here, not by the server (setSsl), so that a failed handshake (plain RTMP on this port, a
        // scanner, a slow-loris within TLS) is seen with the peer's address and gets its one log line
        socket.closeHandler(v -> {
            services.metrics().connectionClosed();
            release.run();
        });
        socket.upgradeToSsl().onComplete(upgraded -> {
            if (upgraded.succeeded()) {
                new RtmpConnection(socket, context, services, release).start();
            } else {
                services.metrics().protocolError("tls-handshake");
                LOG.infof("closing %s:%d: tls-handshake (%s)", ip, socket.remoteAddress().port(),
                        withoutPeerBytes(upgraded.cause()));
                socket.close();
            }
        });
    }

    /**
     * What went wrong, without what the peer sent: Netty's "not an SSL/TLS record" message appends the record in hex,
     * and a peer's bytes have no place in a log line.
     */
    static String withoutPeerBytes(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        int colon = message.indexOf(':');
        String kind = colon > 0 ? message.substring(0, colon) : message;
        return kind.length() > 80 ? kind.substring(0, 80) : kind;
    }
}
