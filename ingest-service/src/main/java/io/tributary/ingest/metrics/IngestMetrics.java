package io.tributary.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The ingest's Prometheus metrics ({@code /q/metrics}), in one place. Labels are closed sets (reasons, listener
 * names) or channel names, never a stream key:
 *
 * <ul>
 *   <li>{@code tributary_ingest_connections} open RTMP(S) connections;
 *       {@code tributary_ingest_connections_accepted_total{listener}}, {@code ..._refused_total{reason}};</li>
 *   <li>{@code tributary_ingest_publishers_active};</li>
 *   <li>{@code tributary_ingest_publish_rejections_total{reason}} refused publishes by reason;</li>
 *   <li>{@code tributary_ingest_auth_latency_seconds} histogram of publish decisions;</li>
 *   <li>{@code tributary_ingest_protocol_errors_total{reason}} connections closed for breaking the protocol or a
 *       limit;</li>
 *   <li>{@code tributary_ingest_sessions_ended_total{reason}} by stop reason;</li>
 *   <li>{@code tributary_ingest_kafka_inflight_bytes} GOP bytes sent to Kafka and not yet acknowledged, over every
 *       publisher (publishers are paused above {@code kafka-inflight-total-bytes});</li>
 *   <li>per live channel ({@link ChannelMeters}): {@code tributary_ingest_bytes_total},
 *       {@code tributary_ingest_bitrate_bits_per_second}, {@code tributary_ingest_gop_records_total}.</li>
 * </ul>
 * Thread-safe: meters are, and the two gauges count with atomics (they are written from every event loop).
 */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger publishers = new AtomicInteger();
    private final Timer authLatency;

    @Inject
    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("tributary.ingest.connections", connections);
        registry.gauge("tributary.ingest.publishers.active", publishers);
        this.authLatency = Timer.builder("tributary.ingest.auth.latency")
                .description("Time to a publish decision (auth-service round trip, or the timeout)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    public void connectionOpened(String listener) {
        connections.incrementAndGet();
        counter("tributary.ingest.connections.accepted", "listener", listener).increment();
    }

    public void connectionClosed() {
        connections.decrementAndGet();
    }

    public void connectionRefused(String reason) {
        counter("tributary.ingest.connections.refused", "reason", reason).increment();
    }

    public void protocolError(String reason) {
        counter("tributary.ingest.protocol.errors", "reason", label(reason)).increment();
    }

    public void publishRejected(String reason) {
        counter("tributary.ingest.publish.rejections", "reason", reason).increment();
    }

    public void authDecided(Duration latency) {
        authLatency.record(latency);
    }

    /** Exposes the ingest's unacknowledged GOP bytes as a gauge. */
    public void watchInflight(LongSupplier bytes) {
        Gauge.builder("tributary.ingest.kafka.inflight.bytes", bytes::getAsLong).strongReference(true)
                .description("GOP bytes sent to Kafka and not yet acknowledged, over every publisher")
                .baseUnit("bytes").register(registry);
    }

    /** A session went live: the active gauge counts it, and its channel gets its meters. */
    public ChannelMeters sessionStarted(String channel) {
        publishers.incrementAndGet();
        return new ChannelMeters(registry, channel);
    }

    /** A session ended: counted by reason, its channel's meters removed (the label set stays bounded by live ones). */
    public void sessionEnded(ChannelMeters meters, String reason) {
        publishers.decrementAndGet();
        meters.remove();
        counter("tributary.ingest.sessions.ended", "reason", reason).increment();
    }

    private Counter counter(String name, String tag, String value) {
        return Counter.builder(name).tag(tag, value).register(registry);
    }

    /** {@code MESSAGE_TOO_LONG} -> {@code message-too-long}. */
    private static String label(String reason) {
        return reason.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
