package io.tributary.auth.api;

import io.tributary.auth.AuthRuntime;
import io.tributary.auth.live.LiveDirectory;
import io.tributary.auth.state.KeyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: UP once {@code stream-keys} and the live topics have been read to the end offsets found at start-up
 * (and the followers are still running). A load balancer sends no decision to an instance that would answer
 * {@code unknown-key} for a key it simply has not read yet.
 */
@Readiness
@ApplicationScoped
public class AuthReadiness implements HealthCheck {
    private final AuthRuntime runtime;
    private final KeyStore store;
    private final LiveDirectory live;

    @Inject
    public AuthReadiness(AuthRuntime runtime, KeyStore store, LiveDirectory live) {
        this.runtime = runtime;
        this.store = store;
        this.live = live;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("auth-state")
                .status(runtime.isReady())
                .withData("channels", store.channelCount())
                .withData("keys", store.keyCount())
                .withData("liveSessions", live.size())
                .build();
    }
}
