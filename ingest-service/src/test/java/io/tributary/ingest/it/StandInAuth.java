package io.tributary.ingest.it;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A stand-in for auth-service's publish decision ({@code POST /v1/publish-decisions}, the contract of issue 4), as a
 * small Vert.x HTTP server with fixed rules, so ingest tests do not depend on auth-service's state:
 *
 * <ul>
 *   <li>key {@code key} (the recorded vectors' key) is allowed on channel {@code vectors};</li>
 *   <li>{@code good-<channel>[.<anything>]} is allowed on {@code <channel>}; channels starting with {@code capped}
 *       get {@code maxBitrateKbps} 100;</li>
 *   <li>an empty key with query {@code token=good-<channel>...} is allowed the same way (signed-token publish);</li>
 *   <li>{@code revoked-...} is denied {@code revoked}; {@code error-...} gets a 500; {@code slow-...} an answer after
 *       10 s (beyond the ingest's timeout); anything else is denied {@code unknown-key};</li>
 *   <li>a request without the bearer token gets 401, as auth-service answers it.</li>
 * </ul>
 * {@code GET /requests} lists the requests received (with their Authorization header), for assertions.
 */
final class StandInAuth implements AutoCloseable {

    static final String TOKEN = "stand-in-auth-token-0123456789";

    private final Vertx vertx = Vertx.vertx();
    private final List<JsonObject> requests = new ArrayList<>();
    private HttpServer server;

    StandInAuth start() {
        server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().join();
        return this;
    }

    int port() {
        return server.actualPort();
    }

    private void handle(HttpServerRequest request) {
        if (request.method().name().equals("GET") && request.path().equals("/requests")) {
            JsonArray all;
            synchronized (requests) {
                all = new JsonArray(new ArrayList<>(requests));
            }
            request.response().putHeader("content-type", "application/json").end(all.encode());
            return;
        }
        if (!request.path().equals("/v1/publish-decisions") || !request.method().name().equals("POST")) {
            request.response().setStatusCode(404).end();
            return;
        }
        String authorization = request.getHeader("Authorization");
        request.body().onSuccess(body -> {
            JsonObject json = body.toJsonObject();
            synchronized (requests) {
                requests.add(json.copy().put("authorization", authorization));
            }
            if (!("Bearer " + TOKEN).equals(authorization)) {
                request.response().setStatusCode(401).end(new JsonObject().put("reason", "unauthorized").encode());
                return;
            }
            decide(request, json.getString("key", ""), json.getString("query", ""));
        });
    }

    private void decide(HttpServerRequest request, String key, String query) {
        if (key.startsWith("slow-")) {
            vertx.setTimer(10_000, id -> answer(request, denied("unknown-key")));
        } else if (key.startsWith("error-")) {
            request.response().setStatusCode(500).end();
        } else if (key.startsWith("revoked-")) {
            answer(request, denied("revoked"));
        } else if (key.equals("key")) {
            answer(request, allowed("vectors"));
        } else if (key.startsWith("good-")) {
            answer(request, allowed(channelOf(key.substring(5))));
        } else if (key.isEmpty() && query.startsWith("token=good-")) {
            answer(request, allowed(channelOf(query.substring("token=good-".length()))));
        } else {
            answer(request, denied("unknown-key"));
        }
    }

    private static String channelOf(String rest) {
        int end = rest.indexOf('.');
        return end < 0 ? rest : rest.substring(0, end);
    }

    private static JsonObject allowed(String channel) {
        Integer cap = channel.startsWith("capped") ? 100 : null;
        return new JsonObject().put("allowed", true).put("channel", channel)
                .put("sessionId", UUID.randomUUID().toString())
                .put("limits", new JsonObject().put("maxBitrateKbps", cap));
    }

    private static JsonObject denied(String reason) {
        return new JsonObject().put("allowed", false).put("reason", reason);
    }

    private static void answer(HttpServerRequest request, JsonObject body) {
        request.response().putHeader("content-type", "application/json").end(body.encode());
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
