package io.tributary.ingest.auth;

import io.tributary.ingest.IngestConfig;
import io.tributary.ingest.auth.PublishDecision.Allowed;
import io.tributary.ingest.auth.PublishDecision.Denied;
import io.tributary.ingest.metrics.IngestMetrics;
import io.tributary.media.storage.ObjectKeys;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Asks auth-service ({@code POST {auth-url}/v1/publish-decisions}, bearer token) with a Vert.x {@link WebClient}:
 * non-blocking, on the publisher's event loop, bounded by {@code tributary.ingest.auth-timeout}. Fails closed: a
 * timeout, a refused connection, a status other than 200, or an answer that is not the contract (an allow without a
 * valid channel and session id) is a {@link Denied} with {@link PublishDecision#AUTH_UNAVAILABLE} and one warning.
 *
 * <p>The request body carries the key; nothing here logs a request or a response body.
 */
@ApplicationScoped
public class HttpPublishAuthorizer implements PublishAuthorizer {

    private static final Logger LOG = Logger.getLogger(HttpPublishAuthorizer.class);
    private static final String PATH = "/v1/publish-decisions";

    private final Vertx vertx;
    private final IngestConfig config;
    private final IngestMetrics metrics;
    private WebClient client;
    private String url;

    @Inject
    public HttpPublishAuthorizer(Vertx vertx, IngestConfig config, IngestMetrics metrics) {
        this.vertx = vertx;
        this.config = config;
        this.metrics = metrics;
    }

    @PostConstruct
    void start() {
        long timeout = config.authTimeout().toMillis();
        client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout))
                .setUserAgent("tributary-ingest"));
        String base = config.authUrl().toString();
        url = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + PATH;
        if (config.authToken().isEmpty()) {
            LOG.warn("tributary.ingest.auth-token is not set (TRIBUTARY_AUTH_ADMIN_TOKEN): auth-service will refuse "
                    + "the ingest, and with it every publish");
        }
    }

    @PreDestroy
    void stop() {
        client.close();
    }

    @Override
    public CompletionStage<PublishDecision> decide(PublishRequest request) {
        long started = System.nanoTime();
        Promise<PublishDecision> answer = Promise.promise();
        long timeout = config.authTimeout().toMillis();
        // the client's own timeout covers an idle connection; this one the whole exchange, whatever stalls
        long timer = vertx.setTimer(timeout, id -> {
            if (!answer.future().isComplete()) {
                answer.complete(unavailable("no answer within " + timeout + " ms"));
            }
        });
        JsonObject body = new JsonObject()
                .put("key", request.key().value())
                .put("app", request.app())
                .put("query", request.query())
                .put("clientIp", request.clientIp());
        HttpRequest<Buffer> post = client.postAbs(url).timeout(timeout);
        config.authToken().ifPresent(token -> post.putHeader(HttpHeaders.AUTHORIZATION.toString(), "Bearer " + token));
        post.sendJsonObject(body).onComplete(result -> {
            vertx.cancelTimer(timer);
            if (!answer.future().isComplete()) {
                answer.complete(result.succeeded() ? read(result.result())
                        : unavailable(result.cause().getClass().getSimpleName() + ": " + result.cause().getMessage()));
            }
        });
        return answer.future()
                .onComplete(done -> metrics.authDecided(Duration.ofNanos(System.nanoTime() - started)))
                .toCompletionStage();
    }

    /** The contract of auth-service's {@code PublishDecisionResource.Answer}, checked field by field. */
    private static PublishDecision read(HttpResponse<Buffer> response) {
        if (response.statusCode() != 200) {
            return unavailable("status " + response.statusCode());
        }
        JsonObject json;
        try {
            json = response.bodyAsJsonObject();
        } catch (RuntimeException e) {
            return unavailable("an answer that is not a JSON object");
        }
        if (json == null || !(json.getValue("allowed") instanceof Boolean allowed)) {
            return unavailable("an answer without 'allowed'");
        }
        if (!allowed) {
            return Denied.of(json.getValue("reason") instanceof String reason ? reason : null);
        }
        Object channel = json.getValue("channel");
        Object sessionId = json.getValue("sessionId");
        if (!(channel instanceof String c) || !ObjectKeys.isValidChannel(c)) {
            return unavailable("an allow without a valid channel");
        }
        if (!(sessionId instanceof String s) || !ObjectKeys.isValidSessionId(s)) {
            return unavailable("an allow without a valid session id");
        }
        return new Allowed(c, s, bitrateLimit(json.getValue("limits")));
    }

    private static OptionalInt bitrateLimit(Object limits) {
        if (limits instanceof JsonObject l && l.getValue("maxBitrateKbps") instanceof Number n && n.intValue() > 0) {
            return OptionalInt.of(n.intValue());
        }
        return OptionalInt.empty();
    }

    private static Denied unavailable(String why) {
        LOG.warnf("auth-service could not decide a publish (%s): refusing it", why);
        return new Denied(PublishDecision.AUTH_UNAVAILABLE);
    }
}
