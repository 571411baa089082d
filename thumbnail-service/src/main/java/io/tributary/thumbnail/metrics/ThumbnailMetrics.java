package io.tributary.thumbnail.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tributary.thumbnail.render.RejectReason;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's own meters. Prometheus names (on {@code /q/metrics}):
 * <ul>
 *   <li>{@code tributary_thumbnail_written_total}: pictures written (per minute of a session, not counting the small
 *       one);</li>
 *   <li>{@code tributary_thumbnail_failures_total{reason}}: keyframes that gave no picture ({@code bad-record},
 *       {@code undecodable}, {@code damaged}, {@code blank}, {@code ffmpeg}, {@code crashed-decoder});</li>
 *   <li>{@code tributary_thumbnail_decode_seconds}: histogram of the time to decode a keyframe and encode its
 *       picture(s);</li>
 *   <li>{@code tributary_thumbnail_delay_seconds}: histogram of the delay from the GOP's close at ingest
 *       ({@code closedAtEpochMillis}) to {@code latest.jpg} written.</li>
 * </ul>
 */
public final class ThumbnailMetrics {
    /** The {@code reason} of a record that is not a GOP record we can read (headers, FLV, key). */
    public static final String BAD_RECORD = "bad-record";
    /**
     * The {@code reason} of a keyframe not decoded because a process died decoding it (or the session's keyframes
     * crashed the decoder too often): see {@link io.tributary.thumbnail.schedule.SessionProgress}.
     */
    public static final String CRASHED_DECODER = "crashed-decoder";

    private final MeterRegistry registry;
    private final Counter written;
    private final Timer decode;
    private final Timer delay;
    private final Map<String, Counter> failures = new ConcurrentHashMap<>();

    public ThumbnailMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.written = Counter.builder("tributary.thumbnail.written")
                .description("Thumbnails written (one per minute of a session)")
                .register(registry);
        this.decode = Timer.builder("tributary.thumbnail.decode")
                .description("Time to decode a keyframe and encode its picture(s)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        this.delay = Timer.builder("tributary.thumbnail.delay")
                .description("From the GOP's close at ingest to latest.jpg written")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
        // registered at zero, so that dashboards and alerts see every reason before it first happens
        failureCounter(BAD_RECORD);
        failureCounter(CRASHED_DECODER);
        for (RejectReason reason : RejectReason.values()) {
            failureCounter(reason.label());
        }
    }

    public void written() {
        written.increment();
    }

    public void failure(String reason) {
        failureCounter(reason).increment();
    }

    private Counter failureCounter(String reason) {
        return failures.computeIfAbsent(reason, r -> Counter.builder("tributary.thumbnail.failures")
                .description("Keyframes that gave no picture, by reason")
                .tag("reason", r)
                .register(registry));
    }

    public void decodeTime(Duration elapsed) {
        decode.record(elapsed);
    }

    /** @param closedAtEpochMillis when ingest closed the GOP; a clock behind ours counts as no delay */
    public void latestWritten(long closedAtEpochMillis, long nowEpochMillis) {
        delay.record(Duration.ofMillis(Math.max(0, nowEpochMillis - closedAtEpochMillis)));
    }

    public double writtenCount() {
        return written.count();
    }

    public double failureCount(String reason) {
        Counter c = failures.get(reason);
        return c == null ? 0 : c.count();
    }
}
