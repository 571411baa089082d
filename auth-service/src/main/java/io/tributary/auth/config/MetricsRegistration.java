package io.tributary.auth.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.tributary.auth.decision.DecisionMetrics;
import io.tributary.auth.decision.FailureThrottle;
import io.tributary.auth.live.LiveDirectory;
import io.tributary.auth.state.KeyStore;
import io.tributary.auth.state.StateMetrics;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Registers the gauges at start-up, and creates the decision meters then (not at the first decision), so that every
 * outcome is exported from the start, at zero: a dashboard's rate() needs the series to exist before it moves.
 */
@Startup
@Singleton
public class MetricsRegistration {
    @Inject
    public MetricsRegistration(MeterRegistry registry, KeyStore store, LiveDirectory live, FailureThrottle throttle,
                               DecisionMetrics decisions) {
        StateMetrics.register(registry, store, live, throttle);
    }
}
