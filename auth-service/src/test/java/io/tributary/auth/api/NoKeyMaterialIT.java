package io.tributary.auth.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tributary.auth.key.KeyHasher;
import io.tributary.auth.key.StreamKey;
import io.tributary.media.event.Topics;
import io.tributary.testsupport.quarkus.KafkaTestResource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 4: no key material in any log line, response body (except the creation response), event or metric. Every
 * operation is run with real keys, including mistakes that put a key where it does not belong, at DEBUG level, and
 * everything the service emitted is searched for the keys and their hashes.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class NoKeyMaterialIT {
    final List<String> logLines = new CopyOnWriteArrayList<>();
    final List<String> responses = new ArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            StringWriter all = new StringWriter().append(record.getLoggerName()).append(' ')
                    .append(String.valueOf(message));
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(all));
            }
            logLines.add(all.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        Api.awaitReady();
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    String keep(Response r) {
        String body = r.asString();
        responses.add(body);
        return body;
    }

    @Test
    void noKeyInLogsResponsesEventsOrMetrics() throws Exception {
        String channel = Api.uniqueChannel("secret");
        Api.createChannel(channel);
        Response created = Api.createKey(channel, Map.of("allowedCidrs", List.of("203.0.113.0/24")));
        String key = created.jsonPath().getString("key");
        String id = created.jsonPath().getString("id");
        String ip = "203.0.113.60";

        // the life of a key
        String sessionId = Api.decide(key, null, ip).jsonPath().getString("sessionId");
        keep(Api.decide(key, "token=" + key, ip));
        keep(Api.decide(key, null, "198.51.100.60"));
        keep(Api.admin().get("/v1/channels/" + channel + "/keys"));
        keep(Api.admin().get("/v1/channels/" + channel + "/keys/" + id));
        keep(Api.admin().body(Map.of("label", "renamed")).patch("/v1/channels/" + channel + "/keys/" + id));
        Events.started(channel, sessionId);
        PublishDecisionApiIT.await(() -> Api.admin().get("/v1/channels/" + channel).jsonPath().getBoolean("live"),
                "live");
        PublishDecisionApiIT.await(() -> Api.admin().get("/v1/channels/" + channel + "/keys/" + id).jsonPath()
                .getString("lastUsedAt") != null, "last use");
        keep(Api.decide(key, null, ip));
        Response rotated = Api.admin().post("/v1/channels/" + channel + "/keys/" + id + "/rotate");
        rotated.then().statusCode(201);
        String second = rotated.jsonPath().getString("key");
        keep(Api.decide(key, null, ip)); // revoked now
        keep(Api.admin().post("/v1/channels/" + channel + "/keys/" + rotated.jsonPath().getString("id")
                + "/revoke"));
        keep(Api.admin().get("/v1/live"));

        // mistakes that put the key where it does not belong
        keep(Api.admin().get("/v1/channels/" + channel + "/keys/" + key));
        keep(Api.admin().get("/v1/channels/" + key));
        keep(Api.admin().get("/v1/" + key));
        keep(Api.admin().body(Map.of("name", key)).post("/v1/channels"));
        keep(Api.admin().body("{\"" + key + "\": 1}").post("/v1/channels"));
        keep(Api.admin().body("{\"name\": " + key + "}").post("/v1/channels"));
        keep(Api.admin().body(Map.of("allowedCidrs", List.of(key))).post("/v1/channels/" + channel + "/keys"));
        keep(Api.admin().body(Map.of("label", key.repeat(3))).post("/v1/channels/" + channel + "/keys"));
        keep(Api.admin().body(Map.of("expiresAt", key)).post("/v1/channels/" + channel + "/keys"));
        keep(Api.admin().body(Map.of("key", key, "clientIp", key)).post("/v1/publish-decisions"));
        keep(Api.admin().body(Map.of("key", List.of(key), "clientIp", ip)).post("/v1/publish-decisions"));
        keep(Api.admin().body(Map.of("key", key, "app", key, "query", key, "clientIp", "2001:db8::60"))
                .post("/v1/publish-decisions"));
        keep(given().header("Authorization", "Bearer " + key).get("/v1/channels"));
        keep(Api.admin().body(Map.of("channel", key)).post("/v1/tokens"));
        for (int i = 0; i < 12; i++) { // into the throttle
            keep(Api.decide(key + i, null, "198.51.100.61"));
        }
        keep(Api.decide(key, null, "198.51.100.61"));
        Events.stopped(channel, sessionId);

        String metrics = keep(given().get("/q/metrics"));
        keep(given().get("/q/health"));
        List<String> events = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : Events.all(Topics.STREAM_KEY_REVOKED)) {
            events.add(Events.text(r.key()) + " " + Events.text(r.value()));
        }
        List<String> stored = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : Events.all(Topics.STREAM_KEYS)) {
            stored.add(Events.text(r.key()) + " " + Events.text(r.value()));
        }

        assertTrue(logLines.stream().anyMatch(l -> l.contains("publish allowed") && l.contains(id)),
                "the capture works: " + logLines.size() + " lines");
        assertTrue(metrics.contains("tributary_auth_publish_decisions_total"));
        assertTrue(events.stream().anyMatch(e -> e.contains(id)), "a revocation event was published");
        assertTrue(stored.stream().anyMatch(s -> s.contains(new KeyHasher().hash(new StreamKey(key)).hex())),
                "the state holds the key's hash");
        for (String secret : List.of(key, second)) {
            String hash = new KeyHasher().hash(new StreamKey(secret)).hex();
            // the random part alone, in case something dropped the prefix
            String core = secret.substring("tsk_".length());
            for (String line : logLines) {
                assertFalse(line.contains(core) || line.contains(hash), "log line: " + line);
            }
            for (String body : responses) {
                assertFalse(body.contains(core) || body.contains(hash), "response: " + body);
            }
            for (String event : events) {
                assertFalse(event.contains(core) || event.contains(hash), "event: " + event);
            }
            for (String record : stored) {
                assertFalse(record.contains(core), "stream-keys record: " + record);
            }
            assertFalse(metrics.contains(hash));
        }
        Api.admin().get("/v1/channels/" + channel).then().body("name", equalTo(channel));
    }
}
