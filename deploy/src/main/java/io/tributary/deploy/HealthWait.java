package io.tributary.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * Waits for a Quarkus service's readiness endpoint ({@code /q/health/ready}) to answer UP, which includes the
 * Kafka client's readiness check, so "ready" means the service reached its broker.
 */
final class HealthWait {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL_INTERVAL = Duration.ofMillis(300);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param needed the processes already started, which must stay alive meanwhile (a service waiting for a
     *               broker that died would otherwise only fail at the deadline)
     * @throws StackException if the service or one it needs exits, or it is not UP by the deadline: names it
     *                        and shows the last readiness answer and the last lines of its output
     */
    void awaitReady(ChildProcess child, int port, Instant deadline, Collection<ChildProcess> needed) {
        URI uri = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        String lastAnswer = "no answer yet";
        while (true) {
            for (ChildProcess process : needed) {
                if (!process.isAlive()) {
                    throw process.exited();
                }
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (isUp(response)) {
                    return;
                }
                lastAnswer = "HTTP " + response.statusCode() + " " + response.body().replaceAll("\\s+", " ");
            } catch (IOException e) {
                lastAnswer = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for " + child.name());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StackException(child.name() + " was not ready at " + uri + " in time (last answer: "
                        + lastAnswer + ")" + child.lastLines());
            }
            sleep(POLL_INTERVAL);
        }
    }

    static boolean isUp(HttpResponse<String> response) {
        return response.statusCode() == 200 && "UP".equals(status(response));
    }

    /** SmallRye Health's verdict: 503 with status DOWN; anything else (a 404 before start-up, a 500) is none. */
    static boolean isDown(HttpResponse<String> response) {
        return response.statusCode() == 503 && "DOWN".equals(status(response));
    }

    /** The top-level {@code status} of a SmallRye Health answer; empty if the body is not one. */
    private static String status(HttpResponse<String> response) {
        try {
            JsonNode body = JSON.readTree(response.body());
            return body.path("status").asText();
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }
}
