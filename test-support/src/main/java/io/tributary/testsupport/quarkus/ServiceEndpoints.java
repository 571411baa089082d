package io.tributary.testsupport.quarkus;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/**
 * What every Tributary service answers on its management endpoints, checked the same way in each service's
 * {@code HealthIT} (against the Quarkus test instance rest-assured points at): the deployments' probes and the
 * Prometheus scrape rely on exactly these.
 */
public final class ServiceEndpoints {
    private ServiceEndpoints() {
    }

    /** {@code /q/health/ready} is 200 UP and includes the Kafka check (a service without its broker is not ready). */
    public static void assertReadyWithKafkaCheck() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    /** {@code /q/metrics} serves the Prometheus text format, JVM meters included. */
    public static void assertServesPrometheusMetrics() {
        given().when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }
}
