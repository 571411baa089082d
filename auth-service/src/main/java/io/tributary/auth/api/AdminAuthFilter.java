package io.tributary.auth.api;

import io.tributary.auth.config.AuthConfig;
import io.tributary.auth.decision.FailureThrottle;
import io.tributary.auth.key.IpAddress;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards every {@code /v1} endpoint: the admin bearer token or 401.
 *
 * <p>Wrong tokens are throttled per caller address like failed publish decisions (a caller over the limit gets 429),
 * and, as there, a caller presenting the right token is never refused for earlier failures.
 */
public final class AdminAuthFilter {
    private static final Logger LOG = Logger.getLogger(AdminAuthFilter.class);

    private final AdminToken token;
    private final FailureThrottle throttle;
    @Inject
    public AdminAuthFilter(AuthConfig config) {
        this.token = new AdminToken(config.adminToken());
        this.throttle = new FailureThrottle(config.throttle().failureBurst(), config.throttle().failuresPerMinute(),
                Integer.MAX_VALUE / 2, config.throttle().maxTrackedAddresses(), System::nanoTime);
        if (config.adminToken().length() < 16) {
            LOG.warn("tributary.auth.admin-token is shorter than 16 characters; use a long random token");
        }
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> authenticate(ContainerRequestContext request, HttpServerRequest http) {
        if (!request.getUriInfo().getPath().startsWith("/v1")) {
            return Optional.empty();
        }
        if (token.matches(request.getHeaderString("Authorization"))) {
            return Optional.empty();
        }
        Optional<IpAddress> caller = callerOf(http);
        if (caller.isPresent() && !throttle.tryFailure(caller.get())) {
            return Optional.of(Response.status(429).header("Retry-After", "60").type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError("rate-limited", "too many requests with a wrong admin token")).build());
        }
        LOG.debugf("rejected a request without a valid admin token from %s", caller.map(Object::toString).orElse("?"));
        return Optional.of(Response.status(401).header("WWW-Authenticate", "Bearer realm=\"tributary\"")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("unauthorized", "send the admin token as 'Authorization: Bearer <token>'"))
                .build());
    }

    private static Optional<IpAddress> callerOf(HttpServerRequest http) {
        SocketAddress remote = http.remoteAddress();
        if (remote == null || remote.hostAddress() == null) {
            return Optional.empty();
        }
        try {
            String host = remote.hostAddress();
            int zone = host.indexOf('%');
            return Optional.of(IpAddress.parse(zone < 0 ? host : host.substring(0, zone)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
