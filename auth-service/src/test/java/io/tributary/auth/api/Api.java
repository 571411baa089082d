package io.tributary.auth.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Calls of the API as a platform would make them, for the {@code @QuarkusTest}s. */
final class Api {
    /** {@code %test.tributary.auth.admin-token} in application.properties. */
    static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    /** {@code %test.tributary.auth.demo.key}. */
    static final String DEMO_KEY = "demo-key-for-tests-0123456789";

    private Api() {
    }

    static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType(ContentType.JSON);
    }

    /** Waits until readiness is UP: the state has been read from Kafka. */
    static void awaitReady() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (given().get("/q/health/ready").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("auth-service not ready: " + given().get("/q/health/ready").asString());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** A channel name no other test uses. */
    static String uniqueChannel(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void createChannel(String name) {
        admin().body(Map.of("name", name)).post("/v1/channels").then().statusCode(201);
    }

    /** Creates a key and returns the creation response (the only one with the key). */
    static Response createKey(String channel, Map<String, Object> body) {
        Response r = admin().body(body).post("/v1/channels/" + channel + "/keys");
        r.then().statusCode(201);
        return r;
    }

    static Response decide(String key, String query, String clientIp) {
        Map<String, Object> body = new java.util.HashMap<>();
        if (key != null) {
            body.put("key", key);
        }
        if (query != null) {
            body.put("query", query);
        }
        body.put("app", "live");
        body.put("clientIp", clientIp);
        Response r = admin().body(body).post("/v1/publish-decisions");
        r.then().statusCode(200);
        return r;
    }

    static String reasonOf(Response decision) {
        return decision.jsonPath().getString("reason");
    }

    static List<String> list(String... values) {
        return List.of(values);
    }
}
