package io.tributary.auth.state;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.auth.decision.FailureThrottle;
import io.tributary.auth.live.LiveDirectory;

/** Gauges of what the service holds: channels, keys, live sessions, addresses the throttle tracks. */
public final class StateMetrics {
    private StateMetrics() {
    }

    public static void register(MeterRegistry registry, KeyStore store, LiveDirectory live,
                                FailureThrottle throttle) {
        Gauge.builder("tributary.auth.channels", store, KeyStore::channelCount)
                .description("Channels in the state").register(registry);
        Gauge.builder("tributary.auth.keys", store, KeyStore::keyCount)
                .description("Stream keys in the state, of any status").register(registry);
        Gauge.builder("tributary.auth.live.sessions", live, LiveDirectory::size)
                .description("Sessions the live directory holds").register(registry);
        Gauge.builder("tributary.auth.throttle.tracked.addresses", throttle, FailureThrottle::trackedAddresses)
                .description("Addresses (IPv6: /64 blocks) the decision throttle tracks").register(registry);
    }
}
