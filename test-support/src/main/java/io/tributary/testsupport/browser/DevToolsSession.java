package io.tributary.testsupport.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Chrome DevTools Protocol over the JDK's WebSocket client, attached to one page: a new tab made with
 * {@code Target.createTarget} and driven through the browser connection in flat mode
 * ({@code Target.attachToTarget} with {@code flatten}: every command carries the page's {@code sessionId}).
 * Commands are JSON {@code {id, method, params}}; the answer with the same id carries {@code result} or
 * {@code error}. Events (messages without an id) are not needed here and are dropped.
 */
public final class DevToolsSession implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Duration commandTimeout;
    private volatile String sessionId;

    private DevToolsSession(HttpClient http, URI browserUrl, Duration commandTimeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        this.commandTimeout = commandTimeout;
        this.socket = http.newWebSocketBuilder().connectTimeout(commandTimeout)
                .buildAsync(browserUrl, new Receiver()).get(commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Connects to the browser and opens a blank page to drive. */
    public static DevToolsSession openPage(URI browserUrl, Duration commandTimeout) throws Exception {
        DevToolsSession session = new DevToolsSession(HttpClient.newHttpClient(), browserUrl, commandTimeout);
        String targetId = session.send("Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
        session.sessionId = session.send("Target.attachToTarget", Map.of("targetId", targetId, "flatten", true))
                .path("sessionId").asText();
        session.send("Page.enable", Map.of());
        return session;
    }

    /** Sends a command (to the page, once attached) and waits for its result. */
    public JsonNode send(String method, Map<String, ?> params) throws Exception {
        long id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            socket.sendText(JSON.writeValueAsString(message), true).get(commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
            JsonNode reply = answer.get(commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (reply.has("error")) {
                throw new AssertionError(method + " failed: " + reply.get("error"));
            }
            return reply.path("result");
        } catch (TimeoutException e) {
            throw new AssertionError(method + " got no answer within " + commandTimeout, e);
        } finally {
            pending.remove(id);
        }
    }

    /**
     * Evaluates a JavaScript expression in the page (awaiting it if it is a promise) and returns its value as JSON.
     *
     * @throws AssertionError with the page's exception text if it threw
     */
    public JsonNode evaluate(String expression) throws Exception {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError("page threw on " + expression + ": "
                    + result.path("exceptionDetails").path("exception").path("description").asText(
                            result.path("exceptionDetails").toString()));
        }
        return result.path("result").path("value");
    }

    @Override
    public void close() {
        socket.abort();
    }

    /** Reassembles messages sent in several frames (screenshots are large) and completes the waiting command. */
    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode message = JSON.readTree(text);
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> answer = pending.get(message.get("id").asLong());
                        if (answer != null) {
                            answer.complete(message);
                        }
                    }
                } catch (Exception e) {
                    pending.values().forEach(answer -> answer.completeExceptionally(e));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            pending.values().forEach(answer -> answer.completeExceptionally(error));
        }
    }
}
