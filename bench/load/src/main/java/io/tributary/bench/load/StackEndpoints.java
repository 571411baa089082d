package io.tributary.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;

/**
 * What the generator needs from a running stack's {@code stack.json} (written by {@code ./tributary up}). Only
 * loopback addresses are accepted: a load run never sends traffic anywhere else.
 */
record StackEndpoints(long launcherPid, InetSocketAddress rtmp, String kafkaBootstrap, URI s3, String bucket,
                      String adminToken, URI auth, URI ingestHttp, URI transcodeHttp, URI statusPage) {

    static StackEndpoints read(Path stackJson) throws IOException {
        JsonNode facts = new ObjectMapper().readTree(stackJson.toFile());
        if (!facts.path("running").asBoolean(false)) {
            throw new IllegalStateException(stackJson + " says the stack is not running");
        }
        URI rtmpUrl = URI.create(facts.path("rtmpUrl").asText());
        StackEndpoints endpoints = new StackEndpoints(facts.path("launcherPid").asLong(),
                new InetSocketAddress(rtmpUrl.getHost(), rtmpUrl.getPort()),
                facts.path("kafkaBootstrap").asText(),
                URI.create(facts.path("s3").path("endpoint").asText()),
                facts.path("s3").path("bucket").asText(),
                facts.path("adminToken").asText(),
                URI.create(facts.path("services").path("auth").asText()),
                URI.create(facts.path("services").path("ingest").asText()),
                URI.create(facts.path("services").path("transcode").asText()),
                URI.create(facts.path("statusPage").asText()));
        endpoints.requireLoopback();
        return endpoints;
    }

    /** Public playback URL of an object of the bucket (path-style, {@code live/} is anonymously readable). */
    URI playback(String objectKey) {
        return s3.resolve("/" + bucket + "/" + objectKey);
    }

    private void requireLoopback() {
        for (String host : new String[] {rtmp.getHostString(), kafkaBootstrap.replaceAll(":\\d+$", ""), s3.getHost(),
                auth.getHost(), ingestHttp.getHost(), transcodeHttp.getHost(),
                statusPage.getHost()}) {
            if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"))) {
                throw new IllegalArgumentException("not a loopback address: " + host + " (load runs target this machine only)");
            }
        }
    }
}
