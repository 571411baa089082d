package io.tributary.auth.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.testsupport.quarkus.KafkaTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoints operators and tools use: OpenAPI, health, Prometheus metrics. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ServiceEndpointsIT {

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    @Test
    void servesTheOpenApiDocument() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Tributary auth-service"))
                .body("components.securitySchemes.admin.scheme", equalTo("bearer"))
                .body("paths.'/v1/publish-decisions'.post.summary", equalTo("Decide whether a publisher may go live"))
                .body("paths.'/v1/channels/{channel}/keys/{id}/rotate'.post", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void healthIsUpWithTheStateLoaded() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'auth-state' }.status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void exportsDecisionMetricsByOutcomeAndLatency() {
        Api.decide("tsk_metrics-probe", null, "198.51.100.90");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("tributary_auth_publish_decisions_total{outcome=\"unknown-key\"}"))
                .body(containsString("tributary_auth_publish_decisions_total{outcome=\"allowed\"}"))
                .body(containsString("tributary_auth_publish_decision_seconds_bucket{le=\"0.001\"}"))
                .body(containsString("tributary_auth_publish_decision_seconds_count"))
                .body(containsString("tributary_auth_channels"))
                .body(containsString("tributary_auth_keys"));
    }
}
