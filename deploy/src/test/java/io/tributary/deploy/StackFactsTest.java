package io.tributary.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackFactsTest {

    @TempDir
    Path dir;

    private final StackLayout layout = StackLayout.parse(Path.of("/repo"),
            List.of("--kafka-port", "19092", "--rtmp-port", "11935"), Map.of());
    private final StackSecrets secrets = StackSecrets.generate(new SecureRandom());

    @Test
    void describesTheStackOnTheConfiguredPorts() {
        StackFacts facts = StackFacts.of(layout, secrets, "tributary", "us-east-1");

        assertTrue(facts.running());
        assertEquals("rtmp://127.0.0.1:11935/live", facts.rtmpUrl());
        assertEquals("rtmps://127.0.0.1:1936/live", facts.rtmpsUrl());
        assertEquals("127.0.0.1:19092", facts.kafkaBootstrap());
        assertEquals("http://127.0.0.1:9000", facts.s3().endpoint());
        assertEquals(secrets.s3AccessKey(), facts.s3().accessKey());
        assertEquals(secrets.adminToken(), facts.adminToken());
        assertEquals(List.of("auth", "ingest", "transcode", "thumbnail", "archive"), List.copyOf(facts.services().keySet()));
        assertEquals("http://127.0.0.1:8083", facts.services().get("transcode"));
        assertEquals("http://127.0.0.1:8081/status/", facts.statusPage());
        assertNull(facts.demo());
    }

    @Test
    void writesJsonThatReadsBackEqualWithOwnerOnlyMode() throws IOException {
        StackFacts facts = StackFacts.of(layout, secrets, "tributary", "us-east-1");
        Path file = dir.resolve("stack.json");

        facts.write(file);

        assertEquals(facts, StackFacts.read(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.readString(file).contains("\"demo\" : null"), "the demo slot is there for later");
    }

    @Test
    void stoppingChangesOnlyTheRunningFlag() {
        StackFacts facts = StackFacts.of(layout, secrets, "tributary", "us-east-1");

        StackFacts stopped = facts.stopped();

        assertFalse(stopped.running());
        assertEquals(facts, new StackFacts(stopped.schemaVersion(), true, stopped.startedAt(), stopped.launcherPid(),
                stopped.dataDir(), stopped.rtmpUrl(), stopped.rtmpsUrl(), stopped.kafkaBootstrap(), stopped.s3(),
                stopped.adminToken(), stopped.statusPage(), stopped.services(), stopped.demo()));
    }

    @Test
    void printsEveryFactOnItsOwnLine() {
        StackFacts facts = StackFacts.of(layout, secrets, "tributary", "us-east-1");

        String block = facts.describe(dir.resolve("stack.json"), dir.resolve("logs"));

        for (String expected : List.of("rtmp://127.0.0.1:11935/live", "127.0.0.1:19092", "http://127.0.0.1:9000",
                "bucket tributary", secrets.s3AccessKey(), secrets.s3SecretKey(), secrets.adminToken(),
                "http://127.0.0.1:8081", "Status page", "http://127.0.0.1:8081/status/", "Ctrl-C")) {
            assertTrue(block.contains(expected), expected + " missing from\n" + block);
        }
    }
}
