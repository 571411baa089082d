package io.tributary.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of {@code stack.json} (written by {@code ./tributary up}) that the everyday commands use. Read as a
 * tree rather than as the launcher's own record, so the CLI keeps working with a stack.json written by an older
 * or newer launcher.
 *
 * @param file         where it was read from
 * @param running      what the launcher last wrote: true while up, false once stopped
 * @param launcherPid  the launcher's process id, 0 if absent
 * @param services     service name ({@code auth}, {@code ingest}...) to base URL, in start order
 * @param s3Endpoint   the S3 server's endpoint, null if absent
 * @param adminToken   the admin bearer token, null if absent
 */
record StackFile(Path file, boolean running, long launcherPid, String startedAt, String rtmpUrl,
                 String kafkaBootstrap, String s3Endpoint, String adminToken, Map<String, String> services) {

    private static final ObjectMapper JSON = new ObjectMapper();

    StackFile {
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services)); // start order
    }

    /** @throws CliException when the file exists but cannot be read as a stack.json */
    static Optional<StackFile> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw CliException.failed("cannot read " + file + ": " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw CliException.failed(file + " is not a stack.json (no JSON object)");
        }
        Map<String, String> services = new LinkedHashMap<>();
        root.path("services").fields().forEachRemaining(entry -> {
            if (entry.getValue().isTextual()) {
                services.put(entry.getKey(), entry.getValue().asText());
            }
        });
        return Optional.of(new StackFile(file, root.path("running").asBoolean(false),
                root.path("launcherPid").asLong(0), text(root.path("startedAt")), text(root.path("rtmpUrl")),
                text(root.path("kafkaBootstrap")), text(root.path("s3").path("endpoint")),
                text(root.path("adminToken")), services));
    }

    Optional<String> service(String name) {
        return Optional.ofNullable(services.get(name));
    }

    /** Whether the launcher that wrote "running" still runs: a launcher killed hard cannot turn the flag false. */
    boolean launcherAlive() {
        return launcherPid > 0 && ProcessHandle.of(launcherPid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** running, and its launcher alive. */
    boolean up() {
        return running && launcherAlive();
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public String toString() {
        return "StackFile[" + file + ", running=" + running + "]"; // never the token
    }
}
