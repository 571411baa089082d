package io.tributary.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code status}: is the local stack of the data directory running? Reads its {@code stack.json}, checks that its
 * launcher is alive, that Kafka and the S3 server accept connections and that every service answers UP on
 * {@code /q/health/ready}. All checks run at once, each bounded, so a hung part costs seconds, not minutes.
 * Exits 0 only when everything is up.
 */
final class StatusCommand {

    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusCommand() {
    }

    /** One part of the stack and what it answered. */
    record PartState(String name, String address, boolean up, String state) {
    }

    static int status(CliContext context) {
        CliEndpoints endpoints = context.endpoints();
        Optional<StackFile> found = endpoints.stack();
        if (found.isEmpty()) {
            if (context.json()) {
                context.printJson(context.newObject().put("dataDir", endpoints.dataDir().toString())
                        .put("running", false).put("healthy", false));
            } else {
                context.print("Tributary is not running from " + endpoints.dataDir() + " (no stack.json there). "
                        + "Start it with ./tributary up");
            }
            return 1;
        }
        StackFile stack = found.get();
        List<PartState> parts = check(context, stack);
        boolean healthy = stack.up() && parts.stream().allMatch(PartState::up);
        if (context.json()) {
            ObjectNode json = context.newObject().put("dataDir", endpoints.dataDir().toString())
                    .put("running", stack.running()).put("launcherAlive", stack.launcherAlive())
                    .put("launcherPid", stack.launcherPid()).put("startedAt", stack.startedAt())
                    .put("healthy", healthy);
            ArrayNode array = json.putArray("parts");
            parts.forEach(part -> array.addObject().put("name", part.name()).put("address", part.address())
                    .put("up", part.up()).put("state", part.state()));
            context.printJson(json);
            return healthy ? 0 : 1;
        }
        StringBuilder text = new StringBuilder();
        text.append("Tributary (").append(endpoints.dataDir()).append("): ").append(summary(stack, parts))
                .append("\n\n");
        TextTable table = new TextTable("PART", "ADDRESS", "STATE");
        parts.forEach(part -> table.row(part.name(), part.address(), part.state()));
        text.append(table.render());
        if (stack.up() && stack.rtmpUrl() != null) {
            text.append("\nRTMP ingest ").append(stack.rtmpUrl()).append('\n');
        }
        context.print(text.toString());
        return healthy ? 0 : 1;
    }

    private static String summary(StackFile stack, List<PartState> parts) {
        if (!stack.running()) {
            return "stopped (last started " + orUnknown(stack.startedAt()) + "); ./tributary up starts it";
        }
        if (!stack.launcherAlive()) {
            return "not running: its launcher (pid " + stack.launcherPid() + ") ended without stopping it (killed?);"
                    + " ./tributary up starts it again";
        }
        List<String> down = parts.stream().filter(part -> !part.up()).map(PartState::name).toList();
        String since = "up since " + orUnknown(stack.startedAt()) + " (launcher pid " + stack.launcherPid() + ")";
        return down.isEmpty() ? since : since + ", but not answering: " + String.join(", ", down);
    }

    private static List<PartState> check(CliContext context, StackFile stack) {
        List<CompletableFuture<PartState>> checks = new ArrayList<>();
        checks.add(tcp("kafka", stack.kafkaBootstrap()));
        checks.add(tcp("s3", hostPort(stack.s3Endpoint())));
        for (Map.Entry<String, String> service : stack.services().entrySet()) {
            checks.add(health(context, service.getKey(), service.getValue()));
        }
        List<PartState> parts = new ArrayList<>();
        for (CompletableFuture<PartState> check : checks) {
            parts.add(check.join()); // each check bounds itself
        }
        return parts;
    }

    /** Reachable when it accepts a TCP connection: Kafka and S3 speak their own protocols. */
    private static CompletableFuture<PartState> tcp(String name, String hostPort) {
        CompletableFuture<PartState> result = new CompletableFuture<>();
        if (hostPort == null) {
            result.complete(new PartState(name, "-", false, "not in stack.json"));
            return result;
        }
        Thread thread = new Thread(() -> {
            int colon = hostPort.lastIndexOf(':');
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(hostPort.substring(0, colon),
                        Integer.parseInt(hostPort.substring(colon + 1))), (int) CHECK_TIMEOUT.toMillis());
                result.complete(new PartState(name, hostPort, true, "reachable"));
            } catch (IOException | RuntimeException e) {
                result.complete(new PartState(name, hostPort, false, "down (" + reason(e) + ")"));
            }
        }, "status-" + name);
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    private static CompletableFuture<PartState> health(CliContext context, String name, String baseUrl) {
        URI ready;
        try {
            ready = URI.create(baseUrl + "/q/health/ready");
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new PartState(name, baseUrl, false, "bad URL in stack.json"));
        }
        HttpRequest request = HttpRequest.newBuilder(ready).timeout(CHECK_TIMEOUT).GET().build();
        return context.http().sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> readiness(name, baseUrl, response))
                .exceptionally(e -> new PartState(name, baseUrl, false, "down (" + reason(e) + ")"))
                .completeOnTimeout(new PartState(name, baseUrl, false, "no answer"), CHECK_TIMEOUT.toMillis() + 500,
                        TimeUnit.MILLISECONDS);
    }

    /** UP, or which of its checks are not (Quarkus SmallRye Health: {@code checks[].name/status}). */
    static PartState readiness(String name, String baseUrl, HttpResponse<String> response) {
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            body = JSON.createObjectNode();
        }
        if (response.statusCode() == 200 && "UP".equals(body.path("status").asText())) {
            return new PartState(name, baseUrl, true, "UP");
        }
        List<String> failing = new ArrayList<>();
        for (JsonNode check : body.path("checks")) {
            if (!"UP".equals(check.path("status").asText())) {
                failing.add(check.path("name").asText("?"));
            }
        }
        return new PartState(name, baseUrl, false, "not ready (HTTP " + response.statusCode()
                + (failing.isEmpty() ? "" : ": " + String.join(", ", failing)) + ")");
    }

    private static String hostPort(String endpoint) {
        if (endpoint == null) {
            return null;
        }
        try {
            URI uri = URI.create(endpoint);
            int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            return uri.getHost() == null ? null : uri.getHost() + ":" + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String reason(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof java.util.concurrent.CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (cause instanceof java.net.SocketTimeoutException || cause instanceof TimeoutException
                || cause instanceof java.net.http.HttpTimeoutException) {
            return "no answer in " + CHECK_TIMEOUT.toSeconds() + " s";
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    private static String orUnknown(String text) {
        return text == null ? "at an unknown time" : InstantText.of(text);
    }
}
