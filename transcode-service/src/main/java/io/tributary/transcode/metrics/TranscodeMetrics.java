package io.tributary.transcode.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's own meters. Prometheus names (on {@code /q/metrics}):
 * <ul>
 *   <li>{@code tributary_transcode_gop_to_playlist_seconds}: histogram of the time from a GOP's close at ingest
 *       ({@code closedAtEpochMillis}) to the manifests naming its segments being stored: the part of the viewers'
 *       latency this service adds, plus Kafka's;</li>
 *   <li>{@code tributary_transcode_gop_to_rung_playlist_seconds}: histogram of the time from a GOP's close at
 *       ingest to the manifests naming its ABR rungs being stored (the source's plus the encoder's queue and
 *       encoding): what a viewer of a rung waits more than one of the source;</li>
 *   <li>{@code tributary_transcode_gop_to_pickup_seconds}: histogram of the time from a GOP's close at ingest to its
 *       packager starting on it: Kafka's share plus the queue in front of the partition (consumer lag, in time);</li>
 *   <li>{@code tributary_transcode_record_seconds}: histogram of the time to handle one record (package, store,
 *       announce, save the state);</li>
 *   <li>{@code tributary_transcode_segments_total}: media segments stored (one per rendition per GOP);</li>
 *   <li>{@code tributary_transcode_segments_deleted_total}: segments deleted after leaving the window;</li>
 *   <li>{@code tributary_transcode_state_saves_total}: channel state objects saved (issue 10: each rewrites an
 *       existing key, the S3 server's costliest request);</li>
 *   <li>{@code tributary_transcode_records_skipped_total{reason}}: records not packaged ({@code bad-record},
 *       {@code replayed}, {@code ended}).</li>
 * </ul>
 */
public final class TranscodeMetrics {
    /** A record that is not a GOP record we can read (headers, FLV, codec configuration, key names). */
    public static final String BAD_RECORD = "bad-record";
    /** A record already packaged, or of an earlier session: a replay after a restart or a rebalance. */
    public static final String REPLAYED = "replayed";
    /** A record of a session after its last record. */
    public static final String ENDED = "ended";

    private final MeterRegistry registry;
    private final Timer gopToPlaylist;
    private final Timer gopToRungPlaylist;
    private final Timer gopToPickup;
    private final Timer record;
    private final Counter segments;
    private final Counter deleted;
    private final Counter stateSaves;
    private final Map<String, Counter> skipped = new ConcurrentHashMap<>();

    public TranscodeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.gopToPlaylist = Timer.builder("tributary.transcode.gop.to.playlist")
                .description("From a GOP's close at ingest to the manifests naming its segments stored")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        this.gopToRungPlaylist = Timer.builder("tributary.transcode.gop.to.rung.playlist")
                .description("From a GOP's close at ingest to the manifests naming its ABR rungs stored")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(50))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
        this.gopToPickup = Timer.builder("tributary.transcode.gop.to.pickup")
                .description("From a GOP's close at ingest to its packager starting on it")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        this.record = Timer.builder("tributary.transcode.record")
                .description("Time to package, store and announce one GOP record")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        this.segments = Counter.builder("tributary.transcode.segments")
                .description("Media segments stored (one per rendition per GOP)")
                .register(registry);
        this.stateSaves = Counter.builder("tributary.transcode.state.saves")
                .description("channel state objects saved (every few records with the ladder off, every record with"
                        + " it on)")
                .register(registry);
        this.deleted = Counter.builder("tributary.transcode.segments.deleted")
                .description("Segments deleted after leaving every manifest and the grace period")
                .register(registry);
        // registered at zero, so that dashboards and alerts see every reason before it first happens
        for (String reason : new String[] {BAD_RECORD, REPLAYED, ENDED}) {
            skippedCounter(reason);
        }
    }

    /** @param closedAtEpochMillis when ingest closed the GOP; a clock behind ours counts as no delay */
    public void manifestsStored(long closedAtEpochMillis, long nowEpochMillis) {
        gopToPlaylist.record(Duration.ofMillis(Math.max(0, nowEpochMillis - closedAtEpochMillis)));
    }

    /** @param closedAtEpochMillis when ingest closed the GOP; a clock behind ours counts as no delay */
    public void rungsListed(long closedAtEpochMillis, long nowEpochMillis) {
        gopToRungPlaylist.record(Duration.ofMillis(Math.max(0, nowEpochMillis - closedAtEpochMillis)));
    }

    /** @param closedAtEpochMillis when ingest closed the GOP; a clock behind ours counts as no delay */
    public void pickedUp(long closedAtEpochMillis, long nowEpochMillis) {
        gopToPickup.record(Duration.ofMillis(Math.max(0, nowEpochMillis - closedAtEpochMillis)));
    }

    public void recordHandled(Duration elapsed) {
        record.record(elapsed);
    }

    public void segmentsStored(int count) {
        segments.increment(count);
    }

    public void stateSaved() {
        stateSaves.increment();
    }

    public void segmentDeleted() {
        deleted.increment();
    }

    public void skipped(String reason) {
        skippedCounter(reason).increment();
    }

    private Counter skippedCounter(String reason) {
        return skipped.computeIfAbsent(reason, r -> Counter.builder("tributary.transcode.records.skipped")
                .description("Records not packaged, by reason")
                .tag("reason", r)
                .register(registry));
    }
}
