package io.tributary.auth.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tributary.testsupport.quarkus.KafkaTestResource;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ChannelApiIT {

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    @Test
    void everyV1EndpointNeedsTheAdminToken() {
        for (String path : new String[] {"/v1/channels", "/v1/live", "/v1/channels/x/keys"}) {
            given().get(path).then().statusCode(401).contentType(ContentType.JSON)
                    .header("WWW-Authenticate", "Bearer realm=\"tributary\"")
                    .body("error", equalTo("unauthorized")).body("reason", notNullValue());
        }
        given().contentType(ContentType.JSON).body("{\"clientIp\": \"192.0.2.1\"}").post("/v1/publish-decisions")
                .then().statusCode(401);
        given().header("Authorization", "Bearer wrong").get("/v1/channels").then().statusCode(401);
        given().header("Authorization", "Basic " + Api.ADMIN_TOKEN).get("/v1/channels").then().statusCode(401);
        given().header("Authorization", "bearer " + Api.ADMIN_TOKEN).get("/v1/channels").then().statusCode(200);
    }

    @Test
    void createGetListDelete() {
        String name = Api.uniqueChannel("alice");
        Api.admin().body(Map.of("name", name)).post("/v1/channels").then().statusCode(201)
                .body("name", equalTo(name)).body("keys", equalTo(0)).body("live", equalTo(false))
                .body("createdAt", notNullValue());
        Api.admin().get("/v1/channels/" + name).then().statusCode(200).body("name", equalTo(name));
        Api.admin().get("/v1/channels").then().statusCode(200).body("channels.name", hasItem(name));
        Api.admin().delete("/v1/channels/" + name).then().statusCode(204);
        Api.admin().get("/v1/channels/" + name).then().statusCode(404).body("error", equalTo("not-found"));
        Api.admin().get("/v1/channels").then().body("channels.name", not(hasItem(name)));
        Api.admin().delete("/v1/channels/" + name).then().statusCode(404);
    }

    @Test
    void duplicateIsAConflict() {
        String name = Api.uniqueChannel("dup");
        Api.createChannel(name);
        Api.admin().body(Map.of("name", name)).post("/v1/channels").then().statusCode(409)
                .body("error", equalTo("conflict"));
    }

    @Test
    void validatesTheName() {
        for (String bad : new String[] {"", "Alice", "a b", "a.b", "a/b", "é", "x".repeat(65)}) {
            Api.admin().body(Map.of("name", bad)).post("/v1/channels").then().statusCode(400)
                    .body("error", equalTo("invalid-request")).body("reason", notNullValue());
        }
        Api.admin().body("{}").post("/v1/channels").then().statusCode(400).body("reason", equalTo("name is required"));
        Api.admin().body("{\"name\": 5}").post("/v1/channels").then().statusCode(400);
        Api.admin().body("{\"name\": \"ok-name\", \"colour\": \"red\"}").post("/v1/channels").then().statusCode(400)
                .body("reason", equalTo("unknown field 'colour'"));
        Api.admin().body("{not json").post("/v1/channels").then().statusCode(400)
                .body("reason", equalTo("the body is not valid JSON"));
        Api.admin().body("").post("/v1/channels").then().statusCode(400);
        Api.admin().contentType(ContentType.TEXT).body("name=x").post("/v1/channels").then().statusCode(415)
                .body("error", equalTo("unsupported-media-type"));
        Api.admin().put("/v1/channels").then().statusCode(405).body("error", equalTo("method-not-allowed"));
        Api.admin().get("/v1/nothing-here").then().statusCode(404).contentType(ContentType.JSON);
    }
}
