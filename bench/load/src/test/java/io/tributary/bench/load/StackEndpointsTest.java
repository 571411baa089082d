package io.tributary.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackEndpointsTest {

    @TempDir
    Path dir;

    private Path stackJson(boolean running, String s3Endpoint) throws IOException {
        return Files.writeString(dir.resolve("stack.json"), """
                {"schemaVersion": 1, "running": %s, "launcherPid": 4242,
                 "rtmpUrl": "rtmp://127.0.0.1:19350/live", "kafkaBootstrap": "127.0.0.1:19092",
                 "s3": {"endpoint": "%s", "bucket": "tributary"},
                 "adminToken": "t", "services": {"auth": "http://127.0.0.1:18081", "ingest": "http://127.0.0.1:18082",
                              "transcode": "http://127.0.0.1:18083"},
                 "statusPage": "http://127.0.0.1:18081/status/"}
                """.formatted(running, s3Endpoint));
    }

    @Test
    void readsTheLocalStacksEndpoints() throws IOException {
        StackEndpoints stack = StackEndpoints.read(stackJson(true, "http://127.0.0.1:19000"));
        assertEquals(4242, stack.launcherPid());
        assertEquals(19350, stack.rtmp().getPort());
        assertEquals(URI.create("http://127.0.0.1:19000/tributary/live/a/master.m3u8"),
                stack.playback("live/a/master.m3u8"));
    }

    @Test
    void refusesANonLoopbackAddress() throws IOException {
        Path file = stackJson(true, "http://192.0.2.10:9000");
        assertThrows(IllegalArgumentException.class, () -> StackEndpoints.read(file));
    }

    @Test
    void refusesAStackThatIsNotRunning() throws IOException {
        Path file = stackJson(false, "http://127.0.0.1:19000");
        assertThrows(IllegalStateException.class, () -> StackEndpoints.read(file));
    }
}
