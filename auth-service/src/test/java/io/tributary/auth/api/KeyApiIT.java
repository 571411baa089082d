package io.tributary.auth.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tributary.testsupport.quarkus.KafkaTestResource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class KeyApiIT {
    String channel;

    @BeforeEach
    void channel() {
        Api.awaitReady();
        channel = Api.uniqueChannel("keys");
        Api.createChannel(channel);
    }

    @Test
    void createReturnsTheKeyOnceAndListNeverShowsIt() {
        Response created = Api.createKey(channel, Map.of("label", "OBS at home",
                "allowedCidrs", List.of("203.0.113.0/24", "2001:DB8::/32"), "maxBitrateKbps", 8000,
                "expiresAt", "2030-01-01T00:00:00Z"));
        created.then().body("key", matchesPattern("tsk_[A-Za-z0-9_-]{43}")).body("id", startsWith("key_"))
                .body("channel", equalTo(channel)).body("label", equalTo("OBS at home"))
                .body("allowedCidrs", contains("203.0.113.0/24", "2001:db8::/32"))
                .body("maxBitrateKbps", equalTo(8000)).body("expiresAt", equalTo("2030-01-01T00:00:00Z"));
        String key = created.jsonPath().getString("key");
        String id = created.jsonPath().getString("id");

        String listing = Api.admin().get("/v1/channels/" + channel + "/keys").then().statusCode(200)
                .body("keys.id", contains(id)).body("keys[0].status", equalTo("active"))
                .body("keys[0]", not(hasKey("key"))).body("keys[0].lastUsedAt", nullValue())
                .extract().asString();
        assertFalse(listing.contains(key));
        String single = Api.admin().get("/v1/channels/" + channel + "/keys/" + id).then().statusCode(200)
                .body("id", equalTo(id)).extract().asString();
        assertFalse(single.contains(key));
        Api.admin().get("/v1/channels/" + channel).then().body("keys", equalTo(1));
    }

    @Test
    void allFieldsAreOptional() {
        Api.createKey(channel, Map.of()).then().body("label", nullValue()).body("expiresAt", nullValue())
                .body("allowedCidrs", emptyIterable()).body("maxBitrateKbps", nullValue());
        Api.admin().post("/v1/channels/" + channel + "/keys").then().statusCode(201);
    }

    @Test
    void lastUsedIsRecordedOnAllow() throws InterruptedException {
        Response created = Api.createKey(channel, Map.of());
        Api.decide(created.jsonPath().getString("key"), null, "192.0.2.50").then().body("allowed", equalTo(true));
        String id = created.jsonPath().getString("id");
        long deadline = System.currentTimeMillis() + 10_000;
        while (Api.admin().get("/v1/channels/" + channel + "/keys/" + id).jsonPath().getString("lastUsedAt") == null) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("lastUsedAt never set");
            }
            Thread.sleep(50);
        }
    }

    @Test
    void patchChangesOnlyWhatItNames() {
        String id = Api.createKey(channel, Map.of("label", "a", "allowedCidrs", List.of("10.0.0.0/8"),
                "maxBitrateKbps", 5000)).jsonPath().getString("id");
        String path = "/v1/channels/" + channel + "/keys/" + id;
        Api.admin().body(Map.of("label", "b")).patch(path).then().statusCode(200).body("label", equalTo("b"))
                .body("allowedCidrs", contains("10.0.0.0/8")).body("maxBitrateKbps", equalTo(5000));
        Api.admin().body("{\"allowedCidrs\": null, \"maxBitrateKbps\": null, \"expiresAt\": \"2031-01-01T00:00:00Z\"}")
                .patch(path).then().statusCode(200).body("label", equalTo("b")).body("allowedCidrs", emptyIterable())
                .body("maxBitrateKbps", nullValue()).body("expiresAt", equalTo("2031-01-01T00:00:00Z"));
        Api.admin().contentType("application/merge-patch+json").body("{\"expiresAt\": null}").patch(path).then()
                .statusCode(200).body("expiresAt", nullValue());
        Api.admin().body("{\"colour\": 1}").patch(path).then().statusCode(400);
        Api.admin().body("{\"maxBitrateKbps\": 12.5}").patch(path).then().statusCode(400);
        Api.admin().body("[]").patch(path).then().statusCode(400);
    }

    @Test
    void rotateReturnsANewKeyAndRevokesTheOld() {
        Response old = Api.createKey(channel, Map.of("label", "obs", "maxBitrateKbps", 4000));
        String oldId = old.jsonPath().getString("id");
        Response rotated = Api.admin().post("/v1/channels/" + channel + "/keys/" + oldId + "/rotate");
        rotated.then().statusCode(201).body("replaces", equalTo(oldId)).body("label", equalTo("obs"))
                .body("maxBitrateKbps", equalTo(4000)).body("key", startsWith("tsk_"));
        Api.admin().get("/v1/channels/" + channel + "/keys/" + oldId).then().body("status", equalTo("revoked"));
        Api.decide(old.jsonPath().getString("key"), null, "192.0.2.51").then().body("reason", equalTo("revoked"));
        Api.decide(rotated.jsonPath().getString("key"), null, "192.0.2.51").then().body("allowed", equalTo(true));
        // a revoked key cannot be rotated again
        Api.admin().post("/v1/channels/" + channel + "/keys/" + oldId + "/rotate").then().statusCode(409);
    }

    @Test
    void rotateWithGraceKeepsTheOldKeyWorking() {
        Response old = Api.createKey(channel, Map.of());
        String oldId = old.jsonPath().getString("id");
        Api.admin().body(Map.of("graceSeconds", 3600)).post("/v1/channels/" + channel + "/keys/" + oldId + "/rotate")
                .then().statusCode(201);
        Response after = Api.admin().get("/v1/channels/" + channel + "/keys/" + oldId);
        after.then().body("status", equalTo("active")).body("expiresAt", notNullValue());
        assertEquals(true, Instant.parse(after.jsonPath().getString("expiresAt"))
                .isAfter(Instant.now().plusSeconds(3000)));
        Api.decide(old.jsonPath().getString("key"), null, "192.0.2.52").then().body("allowed", equalTo(true));
        Api.admin().body(Map.of("graceSeconds", -1)).post("/v1/channels/" + channel + "/keys/" + oldId + "/rotate")
                .then().statusCode(400);
        Api.admin().body(Map.of("graceSeconds", 10_000_000)).post("/v1/channels/" + channel + "/keys/" + oldId
                + "/rotate").then().statusCode(400);
    }

    @Test
    void revokeIsIdempotentAndDeleteRemoves() {
        Response created = Api.createKey(channel, Map.of());
        String id = created.jsonPath().getString("id");
        String first = Api.admin().post("/v1/channels/" + channel + "/keys/" + id + "/revoke").then().statusCode(200)
                .body("status", equalTo("revoked")).extract().jsonPath().getString("revokedAt");
        Api.admin().post("/v1/channels/" + channel + "/keys/" + id + "/revoke").then().statusCode(200)
                .body("revokedAt", equalTo(first));
        Api.admin().delete("/v1/channels/" + channel + "/keys/" + id).then().statusCode(204);
        Api.admin().get("/v1/channels/" + channel + "/keys/" + id).then().statusCode(404);
        Api.decide(created.jsonPath().getString("key"), null, "192.0.2.53").then()
                .body("reason", equalTo("unknown-key"));
    }

    @Test
    void aKeyIdOfAnotherChannelIsNotFound() {
        String id = Api.createKey(channel, Map.of()).jsonPath().getString("id");
        String other = Api.uniqueChannel("other");
        Api.createChannel(other);
        Api.admin().get("/v1/channels/" + other + "/keys/" + id).then().statusCode(404);
        Api.admin().post("/v1/channels/" + other + "/keys/" + id + "/revoke").then().statusCode(404);
        Api.admin().get("/v1/channels/no-such-channel/keys").then().statusCode(404);
        Api.admin().body(Map.of()).post("/v1/channels/no-such-channel/keys").then().statusCode(404);
    }

    @Test
    void validatesEveryField() {
        String path = "/v1/channels/" + channel + "/keys";
        for (String body : new String[] {
            "{\"allowedCidrs\": [\"203.0.113.7/24\"]}",
            "{\"allowedCidrs\": [\"not-an-ip\"]}",
            "{\"allowedCidrs\": [\"10.0.0.0/33\"]}",
            "{\"allowedCidrs\": \"10.0.0.0/8\"}",
            "{\"maxBitrateKbps\": 0}",
            "{\"maxBitrateKbps\": 1000001}",
            "{\"maxBitrateKbps\": \"fast\"}",
            "{\"maxBitrateKbps\": 12.5}",
            "{\"expiresAt\": \"2001-01-01T00:00:00Z\"}",
            "{\"expiresAt\": \"tomorrow\"}",
            "{\"label\": \"" + "x".repeat(101) + "\"}",
            "{\"label\": \"a\\u0000b\"}",
            "{\"label\": 5}",
            "{\"allowedCidr\": [\"10.0.0.0/8\"]}",
        }) {
            Api.admin().body(body).post(path).then().statusCode(400).body("error", equalTo("invalid-request"))
                    .body("reason", notNullValue());
        }
        Api.admin().body("{\"allowedCidrs\": [\"203.0.113.7/24\"]}").post(path).then()
                .body("reason", equalTo("allowedCidrs[0]: address has bits set beyond the prefix length; write the "
                        + "network address, e.g. 203.0.113.0/24"));
        Api.admin().get(path).then().body("keys", emptyIterable());
    }
}
