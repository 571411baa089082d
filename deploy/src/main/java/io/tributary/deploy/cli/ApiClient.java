package io.tributary.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * JSON requests to one service's admin API with its bearer token; every failure becomes one line naming the
 * service: it is unreachable, it timed out, or it answered an error (its JSON {@code reason}, else the start of
 * its body). The token never appears in a message.
 */
final class ApiClient {

    /** auth-service waits up to its write timeout (10 s) for Kafka before answering 503; a little more. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_ERROR_TEXT = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String service;
    private final URI base;
    private final String token;
    private final String unreachableHint;

    /**
     * @param service         the name used in messages ({@code auth-service})
     * @param unreachableHint what to do when nothing answers ({@link CliEndpoints#unreachableHint()})
     */
    ApiClient(HttpClient http, String service, URI base, String token, String unreachableHint) {
        this.http = http;
        this.service = service;
        this.base = base;
        this.token = token;
        this.unreachableHint = unreachableHint;
    }

    /** {@code /v1/channels/a%20b}: each segment percent-encoded, so a name can never leave its path element. */
    static String path(String... segments) {
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            path.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path.toString();
    }

    JsonNode get(String path) {
        return send(request(path).GET());
    }

    /** POST with a JSON body, or with none when {@code body} is null. */
    JsonNode post(String path, JsonNode body) {
        HttpRequest.Builder request = request(path);
        if (body == null) {
            return send(request.POST(HttpRequest.BodyPublishers.noBody()));
        }
        return send(request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    JsonNode delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    /** @return the answer's JSON, or a missing node when it has no body (204) */
    private JsonNode send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw CliException.failed(service + " at " + base + " did not accept a connection in time; "
                    + unreachableHint);
        } catch (HttpTimeoutException e) {
            throw CliException.failed(service + " at " + base + " did not answer " + request.method() + " "
                    + request.uri().getPath() + " within " + REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (ConnectException e) {
            throw CliException.failed(service + " is not reachable at " + base + " (connection refused); "
                    + unreachableHint);
        } catch (IOException e) {
            throw CliException.failed("cannot talk to " + service + " at " + base + ": " + describe(e) + "; "
                    + unreachableHint);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.failed("interrupted");
        }
        int status = response.statusCode();
        if (status >= 400) {
            throw CliException.failed(errorLine(status, response.body()));
        }
        String body = response.body();
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw CliException.failed(service + " answered HTTP " + status + " with a body that is not JSON: "
                    + excerpt(body));
        }
    }

    /**
     * {@code auth-service: no such channel (HTTP 404 not-found)}. auth-service's errors are
     * {@code {"error": code, "reason": sentence}}, the ingest's {@code {"reason": sentence}}.
     */
    private String errorLine(int status, String body) {
        String reason = null;
        String code = null;
        try {
            JsonNode json = body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
            reason = json.path("reason").isTextual() ? json.path("reason").asText() : null;
            code = json.path("error").isTextual() ? json.path("error").asText() : null;
        } catch (IOException e) {
            reason = excerpt(body); // not JSON: a proxy's or an older service's page
        }
        String what = reason == null || reason.isBlank() ? "no reason given" : reason;
        String statusText = "HTTP " + status + (code == null ? "" : " " + code);
        if (status == 401) {
            return service + " refused the admin token (" + statusText + "): pass the right one with --token or "
                    + CliEndpoints.TOKEN_ENV + ", or the --data-dir of the running stack";
        }
        if (status == 503) {
            return service + ": " + what + " (" + statusText + "); try again in a moment";
        }
        return service + ": " + what + " (" + statusText + ")";
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_ERROR_TEXT ? oneLine : oneLine.substring(0, MAX_ERROR_TEXT) + "...";
    }
}
