package io.tributary.auth.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.smallrye.common.annotation.NonBlocking;
import io.tributary.auth.decision.DecisionMetrics;
import io.tributary.auth.decision.DenyReason;
import io.tributary.auth.decision.PublishAttempt;
import io.tributary.auth.decision.PublishDecider;
import io.tributary.auth.decision.PublishDecision;
import io.tributary.auth.decision.PublishQuery;
import io.tributary.auth.key.IpAddress;
import io.tributary.auth.key.StreamKey;
import io.tributary.auth.state.KeyRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * {@code POST /v1/publish-decisions}: what the ingest asks before it accepts a publish.
 *
 * <p>Only {@code clientIp} can make the request invalid (it comes from the ingest's socket). The key, app and query
 * come from the publisher: whatever they hold, the answer is a decision (an absurd key is an {@code unknown-key}), so
 * a hostile publisher cannot turn its attempt into an ingest error. None of the three is ever logged: a streamer who
 * pastes the key into the server URL puts it in the app name.
 */
@Path("/v1/publish-decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "publish decisions")
public class PublishDecisionResource {
    private static final Logger LOG = Logger.getLogger(PublishDecisionResource.class);

    private final PublishDecider decider;
    private final KeyRegistry registry;
    private final DecisionMetrics metrics;

    @Inject
    public PublishDecisionResource(PublishDecider decider, KeyRegistry registry, DecisionMetrics metrics) {
        this.decider = decider;
        this.registry = registry;
        this.metrics = metrics;
    }

    /**
     * @param key      the publish name (the stream key); may be absent when the query carries a token
     * @param app      the RTMP application, e.g. {@code live}
     * @param query    the publish URL's query string, e.g. {@code token=v1.alice...}
     * @param clientIp the publisher's IPv4 or IPv6 address
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Request(String key, String app, String query, String clientIp) {
    }

    /** Limits the ingest enforces on an allowed session. */
    public record Limits(Integer maxBitrateKbps) {
    }

    /**
     * Allowed: {@code allowed}, {@code channel}, {@code sessionId}, {@code limits}. Denied: {@code allowed}, {@code reason}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(boolean allowed, String channel, String sessionId, Limits limits, String reason) {
        static Answer of(PublishDecision decision) {
            if (decision instanceof PublishDecision.Allowed a) {
                return new Answer(true, a.channel(), a.sessionId(), new Limits(a.maxBitrateKbps()), null);
            }
            return new Answer(false, null, null, null, ((PublishDecision.Denied) decision).reason().wireName());
        }
    }

    /**
     * On the event loop that read the request: the decision is in memory (a hash, map lookups; the key's use is
     * recorded in the background), and every publish waits for it, so it skips the hop to a worker thread and back.
     */
    @POST
    @NonBlocking
    @Operation(summary = "Decide whether a publisher may go live",
            description = "200 with allowed=true (channel, sessionId, limits) or allowed=false (reason: unknown-key, "
                    + "revoked, expired, ip-not-allowed, channel-live, rate-limited).")
    public Answer decide(Request body) {
        long started = System.nanoTime();
        PublishAttempt attempt = attemptOf(body);
        PublishDecision decision = decider.decide(attempt);
        metrics.record(decision, System.nanoTime() - started);
        if (decision instanceof PublishDecision.Allowed allowed) {
            LOG.infof("publish allowed: channel=%s key=%s session=%s ip=%s", allowed.channel(),
                    allowed.keyId() == null ? "(token)" : allowed.keyId(), allowed.sessionId(), attempt.clientIp());
            if (allowed.keyId() != null) {
                registry.recordUse(allowed.channel(), allowed.keyId(), allowed.sessionId());
            }
        } else if (decision instanceof PublishDecision.Denied denied) {
            // rate-limited answers are not logged above DEBUG: a flood must not become a flood of log lines
            LOG.logf(denied.reason() == DenyReason.RATE_LIMITED ? Logger.Level.DEBUG : Logger.Level.INFO,
                    "publish denied: reason=%s ip=%s", denied.reason().wireName(), attempt.clientIp());
        }
        return Answer.of(decision);
    }

    private static PublishAttempt attemptOf(Request body) {
        if (body == null) {
            throw ApiException.invalid("a JSON body with clientIp and key or query is required");
        }
        if (body.clientIp() == null) {
            throw ApiException.invalid("clientIp is required");
        }
        IpAddress clientIp;
        try {
            String ip = body.clientIp();
            int zone = ip.indexOf('%'); // a link-local peer's zone id says nothing about who it is
            clientIp = IpAddress.parse(zone < 0 ? ip : ip.substring(0, zone));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("clientIp must be an IPv4 or IPv6 address literal");
        }
        Optional<StreamKey> key = body.key() == null || body.key().isEmpty()
                ? Optional.empty() : Optional.of(new StreamKey(body.key()));
        Optional<String> token = body.query() == null || body.query().length() > PublishQuery.MAX_LENGTH
                ? Optional.empty() : PublishQuery.token(body.query());
        return new PublishAttempt(key, token, body.app(), clientIp);
    }
}
