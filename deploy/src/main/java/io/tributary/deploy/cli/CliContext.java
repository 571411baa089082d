package io.tributary.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** What a command runs with: its arguments, where the stack is, the HTTP client, the clock and the output. */
final class CliContext {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CliArguments arguments;
    private final Path root;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final Clock clock;
    private final HttpClient http;
    private CliEndpoints endpoints;

    CliContext(CliArguments arguments, Path root, Map<String, String> environment, PrintStream out, Clock clock) {
        this.arguments = arguments;
        this.root = root;
        this.environment = environment;
        this.out = out;
        this.clock = clock;
        // HTTP/1.1: the services speak it, and it spares the h2c upgrade dance on every short-lived run
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    CliArguments arguments() {
        return arguments;
    }

    /** The command's n-th positional value (its count is checked before the command runs). */
    String positional(int index) {
        return arguments.positionals().get(index);
    }

    boolean json() {
        return arguments.json();
    }

    Clock clock() {
        return clock;
    }

    HttpClient http() {
        return http;
    }

    /** Resolved on first use: {@code status} reads stack.json itself, the others need URLs and the token. */
    CliEndpoints endpoints() {
        if (endpoints == null) {
            endpoints = CliEndpoints.resolve(root, arguments, environment);
        }
        return endpoints;
    }

    ApiClient auth() {
        CliEndpoints where = endpoints();
        return new ApiClient(http, "auth-service", where.authUrl(), where.adminToken(), where.unreachableHint());
    }

    ApiClient ingest() {
        CliEndpoints where = endpoints();
        return new ApiClient(http, "ingest-service", where.ingestUrl(), where.adminToken(), where.unreachableHint());
    }

    void print(String text) {
        out.print(text.endsWith("\n") ? text : text + "\n");
    }

    void printJson(JsonNode json) {
        try {
            out.println(JSON.writeValueAsString(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always prints", e);
        }
    }

    ObjectNode newObject() {
        return JSON.createObjectNode();
    }
}
