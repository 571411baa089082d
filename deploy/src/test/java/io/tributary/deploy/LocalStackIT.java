package io.tributary.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.tributary.kafka.TopicCatalog;
import io.tributary.kafka.TopicSpec;
import io.tributary.media.event.Topics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code ./tributary up --no-build} as a user would (the services must be packaged: in {@code mvn verify}
 * deploy is the last module of the reactor), on free ports and a data directory of its own, then stops it with
 * SIGTERM and checks that no process is left.
 */
class LocalStackIT {

    /** Seven JVMs starting on a shared 2-core machine: generous, and still a bound. */
    private static final Duration UP_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration DOWN_TIMEOUT = Duration.ofSeconds(60);

    /** Topics of ingest and the workers: {@code tributary.<service>.kafka.partitions} defaults to 6. */
    private static final List<String> SERVICE_TOPICS = List.of(Topics.STREAM_STARTED, Topics.STREAM_STOPPED,
            Topics.STREAM_GOPS, Topics.SEGMENT_PUBLISHED, Topics.THUMBNAIL_PUBLISHED, Topics.ARCHIVE_READY);
    /** auth-service's topics: {@code tributary.auth.kafka.partitions} defaults to 3. */
    private static final List<String> AUTH_TOPICS = List.of(Topics.STREAM_KEYS, Topics.STREAM_KEY_REVOKED);

    private final HttpClient http = HttpClient.newHttpClient();
    private LaunchedStack stack;

    @AfterEach
    void killLeftovers() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void bringsEveryServiceUpWithTopicsAndStorageAndLeavesNoProcessOnSigterm() throws Exception {
        stack = LaunchedStack.start("local-stack-it", UP_TIMEOUT);
        StackFacts facts = stack.facts();
        Map<StackPort, Integer> ports = stack.ports();

        assertEquals("rtmp://127.0.0.1:" + ports.get(StackPort.RTMP) + "/live", facts.rtmpUrl());
        assertEquals("127.0.0.1:" + ports.get(StackPort.KAFKA), facts.kafkaBootstrap());
        assertEquals(5, facts.services().size());
        for (Map.Entry<String, String> service : facts.services().entrySet()) {
            HttpResponse<String> ready = get(service.getValue() + "/q/health/ready");
            assertTrue(HealthWait.isUp(ready), service.getKey() + " not ready: " + ready.body());
            HttpResponse<String> live = get(service.getValue() + "/q/health/live");
            assertTrue(HealthWait.isUp(live), service.getKey() + " not live: " + live.body());
            if (List.of("transcode", "thumbnail", "archive").contains(service.getKey())) {
                // a worker whose consumer loop died is not live: the platform restarts it
                assertTrue(live.body().contains("stream-gops consumer"), service.getKey() + ": " + live.body());
            }
            assertEquals(200, get(service.getValue() + "/q/metrics").statusCode(), service.getKey() + " metrics");
        }
        HttpResponse<String> statusPage = get(facts.statusPage());
        assertEquals(200, statusPage.statusCode(), "status page " + facts.statusPage());
        assertTrue(statusPage.body().contains("status.js"),
                "the status page is auth-service's page: " + statusPage.body());
        assertTopicsExist(facts.kafkaBootstrap());
        assertObjectRoundTrip(facts.s3());
        String printed = Files.readString(stack.launcherOutput());
        assertTrue(printed.contains("Tributary is up.") && printed.contains("Status page"), stack.launcherLog());
        assertTrue(Files.size(stack.dataDir().resolve("logs/kafka.log")) > 0);

        List<ProcessHandle> children = stack.launcher().descendants().toList();
        assertTrue(children.size() >= 7, "expected Kafka, S3 and five services, found " + children.size());

        assertTrue(stack.stop(DOWN_TIMEOUT), "launcher still running\n" + stack.launcherLog());
        Instant deadline = Instant.now().plusSeconds(10);
        for (ProcessHandle child : children) {
            while (child.isAlive() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertFalse(child.isAlive(), "left running: " + child.info().commandLine().orElse("pid " + child.pid()));
        }
        assertFalse(StackFacts.read(stack.dataDir().resolve("stack.json")).running(), "stack.json still says running");
    }

    /** Every topic of the contract, made by its owner at start-up with the catalog's settings and the defaults. */
    private void assertTopicsExist(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<String> missing = Topics.ALL.stream().filter(topic -> !existing.contains(topic)).toList();
            assertTrue(missing.isEmpty(), "topics not created by their owners at start-up: " + missing);
            Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            List<ConfigResource> resources = Topics.ALL.stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            List<TopicSpec> expected = new ArrayList<>(TopicCatalog.specs(SERVICE_TOPICS, 6, (short) 1));
            expected.addAll(TopicCatalog.specs(AUTH_TOPICS, 3, (short) 1));
            for (TopicSpec spec : expected) {
                TopicDescription topic = topics.get(spec.name());
                assertEquals(spec.partitions(), topic.partitions().size(), spec.name() + " partitions");
                assertEquals(spec.replicationFactor(), topic.partitions().get(0).replicas().size(),
                        spec.name() + " replication factor");
                Config actual = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
                spec.configs().forEach((key, value) ->
                        assertEquals(value, actual.get(key).value(), spec.name() + " " + key));
            }
        }
    }

    private void assertObjectRoundTrip(StackFacts.S3 s3) throws Exception {
        MinioClient client = MinioClient.builder().endpoint(s3.endpoint()).region(s3.region())
                .credentials(s3.accessKey(), s3.secretKey()).build();
        byte[] content = ("written by LocalStackIT at " + Instant.now()).getBytes(StandardCharsets.UTF_8);
        client.putObject(PutObjectArgs.builder().bucket(s3.bucket()).object("it/round-trip.txt")
                .stream(new ByteArrayInputStream(content), content.length, -1).contentType("text/plain").build());
        try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(s3.bucket())
                .object("it/round-trip.txt").build())) {
            assertEquals(new String(content, StandardCharsets.UTF_8),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
