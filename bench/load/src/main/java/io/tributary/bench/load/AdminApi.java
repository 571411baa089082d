package io.tributary.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** auth-service's admin API (docs/services/auth-service.md): the channels and keys of a run. */
final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI auth;
    private final String adminToken;

    AdminApi(URI auth, String adminToken) {
        this.auth = auth;
        this.adminToken = adminToken;
    }

    /** Creates the channel (an existing one is fine) and a new key for it; returns the key, which is secret. */
    String channelWithKey(String channel) throws IOException, InterruptedException {
        HttpResponse<String> created = post("/v1/channels", "{\"name\":\"" + channel + "\"}");
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IOException("creating channel " + channel + ": HTTP " + created.statusCode() + " " + created.body());
        }
        HttpResponse<String> key = post("/v1/channels/" + channel + "/keys", "{\"label\":\"load bench\"}");
        if (key.statusCode() != 201 && key.statusCode() != 200) {
            throw new IOException("creating a key for " + channel + ": HTTP " + key.statusCode());
        }
        return JSON.readTree(key.body()).path("key").asText();
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(auth.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
