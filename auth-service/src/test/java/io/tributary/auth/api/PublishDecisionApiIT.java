package io.tributary.auth.api;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tributary.auth.token.PublishToken;
import io.tributary.auth.token.PublishTokenSecret;
import io.tributary.auth.token.PublishTokenSigner;
import io.tributary.media.event.EventJson;
import io.tributary.media.event.StreamKeyRevoked;
import io.tributary.media.event.Topics;
import io.tributary.testsupport.quarkus.KafkaTestResource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class PublishDecisionApiIT {
    String channel;

    @BeforeEach
    void channel() {
        Api.awaitReady();
        channel = Api.uniqueChannel("pub");
        Api.createChannel(channel);
    }

    @Test
    void allowsAValidKeyWithChannelSessionAndLimits() {
        String key = Api.createKey(channel, Map.of("maxBitrateKbps", 8000)).jsonPath().getString("key");
        Response r = Api.decide(key, "", "203.0.113.7");
        r.then().body("allowed", equalTo(true)).body("channel", equalTo(channel))
                .body("limits.maxBitrateKbps", equalTo(8000)).body("$", not(org.hamcrest.Matchers.hasKey("reason")));
        assertEquals(7, UUID.fromString(r.jsonPath().getString("sessionId")).version());
        String unlimited = Api.createKey(channel, Map.of()).jsonPath().getString("key");
        Api.decide(unlimited, null, "203.0.113.7").then().body("limits", aMapWithSize(1))
                .body("limits.maxBitrateKbps", nullValue());
    }

    @Test
    void deniesUnknownRevokedExpiredAndWrongAddress() throws InterruptedException {
        Api.decide("tsk_not-a-key", null, "198.51.100.10").then().body("allowed", equalTo(false))
                .body("reason", equalTo("unknown-key")).body("$", not(org.hamcrest.Matchers.hasKey("channel")));
        Response revoked = Api.createKey(channel, Map.of());
        Api.admin().post("/v1/channels/" + channel + "/keys/" + revoked.jsonPath().getString("id") + "/revoke");
        Api.decide(revoked.jsonPath().getString("key"), null, "198.51.100.10").then().body("reason", equalTo("revoked"));
        String expiring = Api.createKey(channel, Map.of("expiresAt", Instant.now().plusMillis(1500).toString()))
                .jsonPath().getString("key");
        Api.decide(expiring, null, "198.51.100.10").then().body("allowed", equalTo(true));
        Thread.sleep(1600);
        Api.decide(expiring, null, "198.51.100.10").then().body("reason", equalTo("expired"));
        Api.decide(null, null, "198.51.100.10").then().body("reason", equalTo("unknown-key"));
    }

    @Test
    void checksTheAllowListForIpv4Ipv6AndMappedAddresses() {
        String key = Api.createKey(channel, Map.of("allowedCidrs", List.of("203.0.113.0/24", "2001:db8:1::/48")))
                .jsonPath().getString("key");
        Api.decide(key, null, "203.0.113.200").then().body("allowed", equalTo(true));
        Api.decide(key, null, "::ffff:203.0.113.200").then().body("allowed", equalTo(true));
        Api.decide(key, null, "2001:db8:1:ffff::9").then().body("allowed", equalTo(true));
        Api.decide(key, null, "198.51.100.11").then().body("reason", equalTo("ip-not-allowed"));
        Api.decide(key, null, "2001:db8:2::1").then().body("reason", equalTo("ip-not-allowed"));
    }

    @Test
    void acceptsSignedTokensInTheQuery() {
        String token = Api.admin().body(Map.of("channel", channel, "ttlSeconds", 600)).post("/v1/tokens").then()
                .statusCode(201).body("channel", equalTo(channel)).extract().jsonPath().getString("token");
        assertTrue(token.startsWith("v1." + channel + "."), token);
        Api.decide(channel, "token=" + token, "198.51.100.12").then().body("allowed", equalTo(true))
                .body("channel", equalTo(channel));
        Api.decide(null, "foo=bar&token=" + token, "198.51.100.12").then().body("allowed", equalTo(true));
        // the secret derived from the admin token, as a platform without tributary.auth.token-secret would use
        PublishTokenSigner platform = new PublishTokenSigner(
                PublishTokenSecret.fromConfig(Optional.empty(), Api.ADMIN_TOKEN));
        String own = platform.sign(new PublishToken(channel, Instant.now().plusSeconds(60).truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS)));
        Api.decide(null, "token=" + own, "198.51.100.12").then().body("allowed", equalTo(true));
        String expired = platform.sign(new PublishToken(channel, Instant.ofEpochSecond(1_700_000_000L)));
        Api.decide(null, "token=" + expired, "198.51.100.12").then().body("reason", equalTo("expired"));
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        Api.decide(null, "token=" + tampered, "198.51.100.12").then().body("reason", equalTo("unknown-key"));
        String otherChannel = platform.sign(new PublishToken("no-such-channel", Instant.now().plusSeconds(60)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        Api.decide(null, "token=" + otherChannel, "198.51.100.12").then().body("reason", equalTo("unknown-key"));
    }

    @Test
    void mintValidatesItsInput() {
        Api.admin().body(Map.of("channel", channel, "ttlSeconds", 0)).post("/v1/tokens").then().statusCode(400);
        Api.admin().body(Map.of("channel", channel, "ttlSeconds", 8 * 24 * 3600)).post("/v1/tokens").then()
                .statusCode(400);
        Api.admin().body(Map.of("channel", "Bad Name")).post("/v1/tokens").then().statusCode(400);
        Api.admin().body(Map.of("channel", "no-such-channel")).post("/v1/tokens").then().statusCode(404);
        Api.admin().body(Map.of()).post("/v1/tokens").then().statusCode(400);
    }

    @Test
    void validatesTheRequestButNotThePublishersWords() {
        Api.admin().body(Map.of("key", "x")).post("/v1/publish-decisions").then().statusCode(400)
                .body("reason", equalTo("clientIp is required"));
        Api.admin().body(Map.of("key", "x", "clientIp", "example.com")).post("/v1/publish-decisions").then()
                .statusCode(400);
        Api.admin().body("{\"key\": 5, \"clientIp\": \"192.0.2.1\"}").post("/v1/publish-decisions").then()
                .statusCode(400);
        // fields the ingest may add later are ignored
        Api.admin().body(Map.of("key", "x", "clientIp", "198.51.100.13", "tcUrl", "rtmp://h/live"))
                .post("/v1/publish-decisions").then().statusCode(200).body("reason", equalTo("unknown-key"));
        // whatever the publisher sent is an answer, not an error
        Api.decide("k".repeat(5000), "q".repeat(5000), "198.51.100.13").then().body("reason", equalTo("unknown-key"));
        Api.decide("fe80::1%eth0", null, "fe80::1%eth0").then().body("reason", equalTo("unknown-key"));
    }

    @Test
    void throttlesRepeatedFailuresWithoutLockingOutTheStreamer() {
        String key = Api.createKey(channel, Map.of()).jsonPath().getString("key");
        String ip = "192.0.2.77";
        for (int i = 0; i < 10; i++) { // tributary.auth.throttle.failure-burst
            Api.decide("tsk_guess-" + i, null, ip).then().body("reason", equalTo("unknown-key"));
        }
        Api.decide("tsk_guess-x", null, ip).then().body("reason", equalTo("rate-limited"));
        Api.decide(key, null, ip).then().body("allowed", equalTo(true));
        Api.decide("tsk_guess-y", null, "192.0.2.78").then().body("reason", equalTo("unknown-key"));
        // an IPv6 attacker cannot escape by changing the low 64 bits
        for (int i = 0; i < 10; i++) {
            Api.decide("tsk_guess-" + i, null, "2001:db8:77::" + (i + 1)).then().body("reason", equalTo("unknown-key"));
        }
        Api.decide("tsk_guess-z", null, "2001:db8:77::ffff").then().body("reason", equalTo("rate-limited"));
    }

    @Test
    void liveChannelRefusesASecondPublishAndRevokingEndsTheSession() throws Exception {
        Response created = Api.createKey(channel, Map.of());
        String key = created.jsonPath().getString("key");
        String keyId = created.jsonPath().getString("id");
        String sessionId = Api.decide(key, null, "203.0.113.30").jsonPath().getString("sessionId");
        Events.started(channel, sessionId);
        await(() -> Api.admin().get("/v1/live").jsonPath().getList("sessions.channel").contains(channel), "live");
        Api.admin().get("/v1/live/" + channel).then().statusCode(200).body("sessionId", equalTo(sessionId))
                .body("app", equalTo("live")).body("ingestNode", equalTo("ingest-test"))
                .body("playbackUrls.hls", equalTo("http://127.0.0.1:9000/tributary/live/" + channel + "/master.m3u8"));
        Api.admin().get("/v1/channels/" + channel).then().body("live", equalTo(true));
        Api.decide(key, null, "203.0.113.30").then().body("reason", equalTo("channel-live"));

        // wait until the key's last use (the record of which session it opened) is in the state
        await(() -> Api.admin().get("/v1/channels/" + channel + "/keys/" + keyId).jsonPath()
                .getString("lastUsedAt") != null, "last use recorded");
        Api.admin().post("/v1/channels/" + channel + "/keys/" + keyId + "/revoke").then().statusCode(200);
        StreamKeyRevoked event = revocationsOf(channel).get(0);
        assertEquals(keyId, event.keyId());
        assertEquals(sessionId, event.sessionId());

        Events.stopped(channel, sessionId);
        await(() -> !Api.admin().get("/v1/live").jsonPath().getList("sessions.channel").contains(channel), "stopped");
        Api.admin().get("/v1/live/" + channel).then().statusCode(404);
        String next = Api.createKey(channel, Map.of()).jsonPath().getString("key");
        Api.decide(next, null, "203.0.113.30").then().body("allowed", equalTo(true));
    }

    @Test
    void revokingAnotherKeyOfALiveChannelLeavesTheSessionAlone() throws Exception {
        Response onAir = Api.createKey(channel, Map.of());
        String spareId = Api.createKey(channel, Map.of()).jsonPath().getString("id");
        String sessionId = Api.decide(onAir.jsonPath().getString("key"), null, "203.0.113.31")
                .jsonPath().getString("sessionId");
        Events.started(channel, sessionId);
        await(() -> Api.admin().get("/v1/channels/" + channel).jsonPath().getBoolean("live"), "live");
        await(() -> Api.admin().get("/v1/channels/" + channel + "/keys/" + onAir.jsonPath().getString("id"))
                .jsonPath().getString("lastUsedAt") != null, "last use recorded");
        Api.admin().post("/v1/channels/" + channel + "/keys/" + spareId + "/revoke").then().statusCode(200);
        Api.admin().delete("/v1/channels/" + channel).then().statusCode(204);
        List<StreamKeyRevoked> events = revocationsOf(channel);
        assertEquals(1, events.size(), "only the channel deletion ends the session");
        assertEquals(onAir.jsonPath().getString("id"), events.get(0).keyId());
        Events.stopped(channel, sessionId);
    }

    @Test
    void anOperatorCanClearASessionWhoseIngestDied() throws Exception {
        String key = Api.createKey(channel, Map.of()).jsonPath().getString("key");
        String sessionId = Api.decide(key, null, "203.0.113.32").jsonPath().getString("sessionId");
        Events.started(channel, sessionId); // and the ingest crashes: no stream-stopped ever
        await(() -> Api.admin().get("/v1/channels/" + channel).jsonPath().getBoolean("live"), "live");
        Api.decide(key, null, "203.0.113.32").then().body("reason", equalTo("channel-live"));
        Api.admin().delete("/v1/live/" + channel).then().statusCode(204);
        Api.admin().get("/v1/live/" + channel).then().statusCode(404);
        Api.decide(key, null, "203.0.113.32").then().body("allowed", equalTo(true));
        Api.admin().delete("/v1/live/" + channel).then().statusCode(404);
        assertTrue(revocationsOf(channel, 500).isEmpty(), "clearing kicks nobody");
    }

    @Test
    void theDemoKeyFromConfigurationPublishesToTheDemoChannel() {
        Api.admin().get("/v1/channels/demo/keys").then().statusCode(200).body("keys.size()", equalTo(1))
                .body("keys[0].status", equalTo("active"));
        Api.decide(Api.DEMO_KEY, null, "203.0.113.40").then().body("allowed", equalTo(true))
                .body("channel", equalTo("demo"));
        Api.admin().get("/v1/channels").then().body("channels.name", hasItem("demo"));
    }

    private static List<StreamKeyRevoked> revocationsOf(String channel) throws InterruptedException {
        return revocationsOf(channel, 10_000);
    }

    private static List<StreamKeyRevoked> revocationsOf(String channel, long waitMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + waitMillis;
        while (true) {
            List<StreamKeyRevoked> found = Events.all(Topics.STREAM_KEY_REVOKED).stream()
                    .filter(r -> channel.equals(Events.text(r.key())))
                    .map(ConsumerRecord::value).map(v -> EventJson.read(v, StreamKeyRevoked.class)).toList();
            if (!found.isEmpty() || System.currentTimeMillis() > deadline) {
                return found;
            }
            Thread.sleep(100);
        }
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
