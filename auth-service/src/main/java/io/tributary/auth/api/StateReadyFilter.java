package io.tributary.auth.api;

import io.tributary.auth.AuthRuntime;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers 503 on {@code /v1} until the state has been read from Kafka: a decision or a listing from a half-loaded
 * view would be wrong (an existing key reported unknown), so an instance serves nothing until it is whole.
 */
public final class StateReadyFilter {
    private final AuthRuntime runtime;

    @Inject
    public StateReadyFilter(AuthRuntime runtime) {
        this.runtime = runtime;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 1)
    public Optional<Response> requireLoadedState(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/v1") || runtime.isReady()) {
            return Optional.empty();
        }
        return Optional.of(Response.status(503).header("Retry-After", "2").type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("unavailable", "auth-service is still loading its state from Kafka")).build());
    }
}
