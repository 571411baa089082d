package io.tributary.deploy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a running local stack offers, printed by {@code up} once every service is ready and written to
 * {@code stack.json} for scripts and tests. {@code running} turns false when the stack stops; nothing else is
 * removed.
 *
 * @param statusPage auth-service's status page: live channels with players, recent archives
 * @param demo       the demo channel, its stream key and playback URLs
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record StackFacts(
        int schemaVersion,
        boolean running,
        String startedAt,
        long launcherPid,
        String dataDir,
        String rtmpUrl,
        String rtmpsUrl,
        String kafkaBootstrap,
        S3 s3,
        String adminToken,
        String statusPage,
        Map<String, String> services,
        Demo demo) {

    static final int SCHEMA_VERSION = 1;
    /** Where auth-service serves its status page (its {@code META-INF/resources/status/index.html}). */
    static final String STATUS_PAGE_PATH = "/status/";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    record S3(String endpoint, String bucket, String region, String accessKey, String secretKey) {
    }

    /** The channel auth-service makes at start-up, so a first push needs no set-up. */
    record Demo(String channel, String streamKey, String hlsUrl, String dashUrl, String thumbnailUrl) {
    }

    static StackFacts of(StackLayout layout, StackSecrets secrets, String bucket, String region) {
        Map<String, String> services = new LinkedHashMap<>();
        for (StackService service : StackService.values()) {
            services.put(service.shortName(), "http://127.0.0.1:" + layout.port(service.port()));
        }
        return new StackFacts(SCHEMA_VERSION, true, Instant.now().toString(), ProcessHandle.current().pid(),
                layout.dataDir().toString(),
                "rtmp://127.0.0.1:" + layout.port(StackPort.RTMP) + "/live",
                "rtmps://127.0.0.1:" + layout.port(StackPort.RTMPS) + "/live",
                "127.0.0.1:" + layout.port(StackPort.KAFKA),
                new S3("http://127.0.0.1:" + layout.port(StackPort.S3), bucket, region, secrets.s3AccessKey(),
                        secrets.s3SecretKey()),
                secrets.adminToken(), services.get(StackService.AUTH.shortName()) + STATUS_PAGE_PATH, services, null);
    }

    StackFacts stopped() {
        return new StackFacts(schemaVersion, false, startedAt, launcherPid, dataDir, rtmpUrl, rtmpsUrl,
                kafkaBootstrap, s3, adminToken, statusPage, services, demo);
    }

    StackFacts withDemo(Demo value) {
        return new StackFacts(schemaVersion, running, startedAt, launcherPid, dataDir, rtmpUrl, rtmpsUrl,
                kafkaBootstrap, s3, adminToken, statusPage, services, value);
    }

    /** Writes stack.json with mode 600: it holds the S3 keys and the admin token. */
    void write(Path file) {
        try {
            PrivateFiles.write(file, JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static StackFacts read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), StackFacts.class);
    }

    /** The block printed when the stack is up. */
    String describe(Path factsFile, Path logsDir) {
        StringBuilder out = new StringBuilder();
        out.append('\n').append("Tributary is up.").append("\n\n");
        line(out, "RTMP ingest", rtmpUrl);
        line(out, "RTMPS ingest", rtmpsUrl);
        if (demo != null) {
            line(out, "Demo channel", demo.channel());
            line(out, "Demo stream key", demo.streamKey());
            line(out, "HLS", demo.hlsUrl());
            line(out, "DASH", demo.dashUrl());
            line(out, "Thumbnail", demo.thumbnailUrl());
            line(out, "Try it", "ffmpeg -re -i clip.mp4 -c copy -f flv " + rtmpUrl + "/" + demo.streamKey());
        }
        line(out, "Kafka bootstrap", kafkaBootstrap);
        line(out, "S3 endpoint", s3.endpoint() + "  (bucket " + s3.bucket() + ", region " + s3.region() + ")");
        line(out, "S3 access key", s3.accessKey());
        line(out, "S3 secret key", s3.secretKey());
        line(out, "Admin token", adminToken);
        line(out, "Status page", statusPage + "  (live channels and players; archives with the admin token)");
        services.forEach((name, url) -> line(out, name, url + "  (" + url + "/q/health, " + url + "/q/metrics)"));
        line(out, "Facts (JSON)", factsFile.toString());
        line(out, "Logs", logsDir.toString());
        out.append('\n').append("Ctrl-C stops everything.").append('\n');
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("  %-16s %s%n", label, value));
    }
}
