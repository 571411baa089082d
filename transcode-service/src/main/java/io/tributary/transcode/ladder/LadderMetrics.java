package io.tributary.transcode.ladder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The ladder's meters. Prometheus names (on {@code /q/metrics}):
 * <ul>
 *   <li>{@code tributary_transcode_ladder_encode_seconds}: histogram of one GOP's encode into all its rungs;</li>
 *   <li>{@code tributary_transcode_ladder_speed}: summary of media time over encoding time per GOP (below 1: slower
 *       than real time);</li>
 *   <li>{@code tributary_transcode_ladder_ffmpeg_cpu_seconds_total}: CPU time ffmpeg spent on rungs;</li>
 *   <li>{@code tributary_transcode_ladder_renditions_dropped_total{reason}}: rungs taken out of a session's manifests
 *       ({@code slow}, {@code backlog}, {@code failed}, {@code undecodable});</li>
 *   <li>{@code tributary_transcode_ladder_backlog}: GOPs waiting for an encoder, over all channels.</li>
 * </ul>
 * No channel label: channels are unbounded, and the log line of each drop names the channel.
 */
public final class LadderMetrics {
    /** Encoding was slower than the configured minimum speed over the window. */
    public static final String SLOW = "slow";
    /** More GOPs waited for the channel's encoder than allowed. */
    public static final String BACKLOG = "backlog";
    /** ffmpeg failed on a GOP, or its output did not line up with the source. */
    public static final String FAILED = "failed";
    /** A continuation record came without the record it continues. */
    public static final String UNDECODABLE = "undecodable";

    private final MeterRegistry registry;
    private final Timer encode;
    private final DistributionSummary speed;
    private final Counter cpu;
    private final Map<String, Counter> dropped = new ConcurrentHashMap<>();

    public LadderMetrics(MeterRegistry registry, Supplier<Number> backlog) {
        this.registry = registry;
        this.encode = Timer.builder("tributary.transcode.ladder.encode")
                .description("Time to encode one GOP into every rung of its channel")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
        this.speed = DistributionSummary.builder("tributary.transcode.ladder.speed")
                .description("Media time over encoding time per GOP (below 1: slower than real time)")
                .register(registry);
        this.cpu = Counter.builder("tributary.transcode.ladder.ffmpeg.cpu")
                .baseUnit("seconds")
                .description("CPU time ffmpeg spent encoding rungs")
                .register(registry);
        Gauge.builder("tributary.transcode.ladder.backlog", backlog)
                .description("GOPs waiting for a ladder encoder, over all channels")
                .register(registry);
        // registered at zero, so that dashboards and alerts see every reason before it first happens
        for (String reason : new String[] {SLOW, BACKLOG, FAILED, UNDECODABLE}) {
            droppedCounter(reason);
        }
    }

    void encoded(EncodedGop gop) {
        encode.record(gop.wall());
        if (!gop.wall().isZero()) {
            speed.record((double) gop.media().toNanos() / gop.wall().toNanos());
        }
        cpu.increment(gop.cpu().toNanos() / 1e9);
    }

    void dropped(String reason, int renditions) {
        droppedCounter(reason).increment(renditions);
    }

    private Counter droppedCounter(String reason) {
        return dropped.computeIfAbsent(reason, r -> Counter.builder("tributary.transcode.ladder.renditions.dropped")
                .description("Rungs dropped from a session's manifests")
                .tag("reason", r)
                .register(registry));
    }
}
