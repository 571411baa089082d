package io.tributary.deploy.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's HTTP API as a test sees it: answers scripted per {@code METHOD /raw/path}, every request recorded.
 * Unscripted requests get 404 with auth-service's error body.
 */
final class FakeService implements AutoCloseable {

    /** One request as it arrived: the path undecoded, so tests see how segments were encoded. */
    record Request(String method, String rawPath, String authorization, String contentType, String body) {
    }

    private record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new HashMap<>();
    private final List<Request> requests = new ArrayList<>();

    FakeService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} with this status and JSON body (null: no body). */
    FakeService answer(String method, String rawPath, int status, String body) {
        synchronized (answers) {
            answers.put(method + " " + rawPath, new Answer(status, body));
        }
        return this;
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The one request the command made. */
    Request onlyRequest() {
        List<Request> made = requests();
        if (made.size() != 1) {
            throw new AssertionError("expected one request, got " + made);
        }
        return made.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body);
        synchronized (requests) {
            requests.add(request);
        }
        Answer answer;
        synchronized (answers) {
            answer = answers.getOrDefault(request.method() + " " + request.rawPath(),
                    new Answer(404, "{\"error\":\"not-found\",\"reason\":\"no such route\"}"));
        }
        if (answer.body() == null) {
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
            return;
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
