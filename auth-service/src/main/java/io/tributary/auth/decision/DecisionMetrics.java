package io.tributary.auth.decision;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Publish decision metrics: {@code tributary_auth_publish_decisions_total{outcome}} (outcome {@code allowed} or a deny
 * reason: a closed set, never anything from the request) and the latency histogram
 * {@code tributary_auth_publish_decision_seconds}.
 */
public final class DecisionMetrics {
    private final Map<String, Counter> byOutcome = new HashMap<>();
    private final Timer latency;

    public DecisionMetrics(MeterRegistry registry) {
        register(registry, "allowed");
        for (DenyReason reason : DenyReason.values()) {
            register(registry, reason.wireName());
        }
        this.latency = Timer.builder("tributary.auth.publish.decision")
                .description("Time to decide a publish, from request to answer")
                // fixed buckets from 100 µs (a lookup) to 1 s (far past the ingest's auth timeout): few series,
                // aggregatable across instances
                .serviceLevelObjectives(millis(0.1), millis(0.25), millis(0.5), millis(1), millis(2.5), millis(5),
                        millis(10), millis(25), millis(50), millis(100), millis(250), millis(500), millis(1000))
                .register(registry);
    }

    private static Duration millis(double ms) {
        return Duration.ofNanos((long) (ms * 1_000_000));
    }

    private void register(MeterRegistry registry, String outcome) {
        byOutcome.put(outcome, Counter.builder("tributary.auth.publish.decisions")
                .description("Publish decisions by outcome")
                .tag("outcome", outcome)
                .register(registry));
    }

    public void record(PublishDecision decision, long nanos) {
        byOutcome.get(decision.outcome()).increment();
        latency.record(Duration.ofNanos(nanos));
    }
}
