package io.tributary.ingest.connection;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tributary.ingest.IngestConfig;
import io.tributary.ingest.auth.PublishAuthorizer;
import io.tributary.ingest.gop.SessionGops;
import io.tributary.ingest.kafka.GopPublisher;
import io.tributary.ingest.kafka.InflightTotal;
import io.tributary.ingest.kafka.SessionEvents;
import io.tributary.ingest.metrics.IngestMetrics;
import io.tributary.ingest.rtmp.RtmpLimits;
import io.tributary.ingest.session.EndCause;
import io.tributary.ingest.session.LiveSessions;
import io.tributary.ingest.session.SessionServices;
import io.tributary.ingest.session.SessionSettings;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PfxOptions;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Owns the RTMP and RTMPS listeners: builds the shared services from configuration, deploys one {@link RtmpListener}
 * per event loop for each port at start-up (after the topics exist), and at shutdown ends every live session (so
 * each gets its {@code last} record and {@code stream-stopped}) before it stops listening.
 *
 * <p>RTMPS listens on its own port with the certificate of {@code tributary.ingest.tls.*}; without one it is off,
 * with one info line.
 */
@ApplicationScoped
public class RtmpServer {

    private static final Logger LOG = Logger.getLogger(RtmpServer.class);
    /** How long shutdown waits for live sessions to write their end to Kafka. */
    private static final long SHUTDOWN_WAIT_SECONDS = 10;

    private final Vertx vertx;
    private final IngestConfig config;
    private final LiveSessions sessions;
    private final SessionServices sessionServices;
    private final IngestMetrics metrics;
    private final List<String> deployments = new ArrayList<>();

    @Inject
    public RtmpServer(Vertx vertx, IngestConfig config, LiveSessions sessions, PublishAuthorizer authorizer,
                      GopPublisher gops, SessionEvents events, IngestMetrics metrics) {
        this.vertx = vertx;
        this.config = config;
        this.sessions = sessions;
        this.metrics = metrics;
        InflightTotal inflight = new InflightTotal(config.kafkaInflightTotalBytes().asLongValue());
        metrics.watchInflight(inflight::bytes);
        this.sessionServices = new SessionServices(authorizer, sessions, gops, events, inflight, metrics,
                settings(config), Clock.systemUTC(), () -> System.nanoTime() / 1_000_000);
    }

    /** After {@code TopicSetup} (default priority): no publisher is accepted before its topics exist. */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        IngestConfig.Rtmp rtmp = config.rtmp();
        ConnectionServices services = new ConnectionServices(vertx, limits(rtmp), rtmp.handshakeTimeout().toMillis(),
                new ConnectionLimiter(config.connections().maxTotal(), config.connections().maxPerIp()), metrics,
                sessionServices);
        listen("rtmp", false, baseOptions(config.rtmpPort()), services);
        Optional<KeyCertOptions> certificate = certificate(config.tls());
        if (certificate.isPresent()) {
            // not setSsl(true): each connection starts TLS itself (RtmpListener), within the handshake deadline
            listen("rtmps", true, baseOptions(config.rtmpsPort()).setKeyCertOptions(certificate.get())
                    .setSslHandshakeTimeout(rtmp.handshakeTimeout().toMillis())
                    .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS), services);
        } else {
            LOG.info("RTMPS is off: no certificate configured (tributary.ingest.tls.keystore-path, or cert-path and "
                    + "key-path)");
        }
    }

    void stop(@Observes ShutdownEvent event) {
        try {
            sessions.endAll(EndCause.byOperator("ingest shutdown")).toCompletableFuture()
                    .get(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("live sessions did not all end within %d s: %s", SHUTDOWN_WAIT_SECONDS, e.toString());
        }
        for (String id : deployments) {
            try {
                vertx.undeploy(id).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.debugf("listener %s did not stop cleanly: %s", id, e.toString());
            }
        }
    }

    /** Blocks the start-up thread (never an event loop) until the port is bound: a taken port fails the start. */
    private void listen(String name, boolean tls, NetServerOptions options, ConnectionServices services) {
        int loops = config.eventLoops() > 0 ? config.eventLoops() : Runtime.getRuntime().availableProcessors();
        // port 0 would give each listener its own port: one listener then
        int instances = options.getPort() == 0 ? 1 : loops;
        String id = vertx.deployVerticle(() -> new RtmpListener(name, tls, options, services),
                new DeploymentOptions().setInstances(instances)).toCompletionStage().toCompletableFuture().join();
        deployments.add(id);
        LOG.infof("%s listening on %s:%d (%d event loops)", name.toUpperCase(), options.getHost(), options.getPort(),
                instances);
    }

    private NetServerOptions baseOptions(int port) {
        return new NetServerOptions()
                .setHost(config.rtmpHost())
                .setPort(port)
                // small control answers must not wait for Nagle's algorithm: ffmpeg waits for Publish.Start
                .setTcpNoDelay(true);
    }

    private static Optional<KeyCertOptions> certificate(IngestConfig.Tls tls) {
        if (tls.keystorePath().isPresent()) {
            Path keystore = tls.keystorePath().get();
            if (!Files.exists(keystore) && tls.generateSelfSigned()) {
                SelfSignedKeystore.create(keystore, tls.keystorePassword());
            }
            if (!Files.isReadable(keystore)) {
                throw new IllegalStateException("tributary.ingest.tls.keystore-path " + keystore
                        + " is not a readable file");
            }
            return Optional.of(new PfxOptions().setPath(keystore.toString()).setPassword(tls.keystorePassword()));
        }
        if (tls.certPath().isPresent() && tls.keyPath().isPresent()) {
            return Optional.of(new PemKeyCertOptions().setCertPath(tls.certPath().get().toString())
                    .setKeyPath(tls.keyPath().get().toString()));
        }
        return Optional.empty();
    }

    static RtmpLimits limits(IngestConfig.Rtmp rtmp) {
        return new RtmpLimits(
                (int) rtmp.maxMessageBytes().asLongValue(),
                (int) rtmp.maxCommandBytes().asLongValue(),
                (int) Math.min(Integer.MAX_VALUE, rtmp.maxBufferedMessageBytes().asLongValue()),
                rtmp.maxChunkStreams(),
                rtmp.maxAmfDepth(),
                rtmp.maxNameLength());
    }

    static SessionSettings settings(IngestConfig config) {
        IngestConfig.Gop gop = config.gop();
        return new SessionSettings(
                config.rtmp().publishTimeout().toMillis(),
                config.session().idleTimeout().toMillis(),
                config.session().maxBitrateKbps(),
                config.session().bitrateWindow().toMillis(),
                config.kafkaInflightBytes().asLongValue(),
                config.backpressureTimeout().toMillis(),
                config.rtmp().chunkSize(),
                config.rtmp().acknowledgementWindow(),
                new SessionGops.Settings(gop.maxDuration().toMillis(), gop.audioOnlyDuration().toMillis(),
                        gop.maxBytes().asLongValue(), (int) Math.min(Integer.MAX_VALUE, gop.recordBytes().asLongValue())));
    }
}
