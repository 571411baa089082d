package io.tributary.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The defaults are the local stack's: ports, auth-service, and limits that every real encoder stays within. */
class IngestConfigDefaultsTest {

    private final IngestConfig config = defaults();

    @Test
    void declaresTheLocalStackPortsAndAuthService() {
        assertEquals(1935, config.rtmpPort());
        assertEquals(1936, config.rtmpsPort());
        assertEquals("http://127.0.0.1:8081", config.authUrl().toString());
        assertEquals("http://127.0.0.1:9000/tributary", config.playbackBaseUrl());
    }

    @Test
    void turnsRtmpsOffWithoutACertificate() {
        assertFalse(config.tls().keystorePath().isPresent());
        assertFalse(config.tls().certPath().isPresent());
        assertFalse(config.tls().generateSelfSigned());
    }

    @Test
    void declaresTheLimitsTheDocsList() {
        assertEquals(8L << 20, config.rtmp().maxMessageBytes().asLongValue());
        assertEquals(64, config.rtmp().maxChunkStreams());
        assertEquals(32, config.rtmp().maxAmfDepth());
        assertEquals(Duration.ofSeconds(10), config.rtmp().handshakeTimeout());
        assertEquals(Duration.ofSeconds(15), config.rtmp().publishTimeout());
        assertEquals(1000, config.connections().maxTotal());
        assertEquals(16, config.connections().maxPerIp());
        assertEquals(Duration.ofSeconds(20), config.session().idleTimeout());
        assertEquals(50_000, config.session().maxBitrateKbps());
        assertEquals(32L << 20, config.kafkaInflightBytes().asLongValue());
        assertEquals(64L << 20, config.kafkaInflightTotalBytes().asLongValue());
        assertEquals(Duration.ofSeconds(10), config.backpressureTimeout());
        assertEquals(Duration.ofSeconds(3), config.authTimeout());
        assertEquals(8L << 20, config.gop().recordBytes().asLongValue());
    }

    private static IngestConfig defaults() {
        SmallRyeConfig c = new SmallRyeConfigBuilder()
                // the converters Quarkus registers: "32M", "10s"
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(IngestConfig.class)
                .build();
        return c.getConfigMapping(IngestConfig.class);
    }
}
