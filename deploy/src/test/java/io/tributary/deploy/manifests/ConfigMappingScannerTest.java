package io.tributary.deploy.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source scan DeploymentManifestsTest relies on, against the shapes SmallRye maps. */
class ConfigMappingScannerTest {

    private static final String MAPPING = """
            package x;

            import io.smallrye.config.ConfigMapping;
            import io.smallrye.config.WithDefault;
            import io.smallrye.config.WithName;
            import io.smallrye.config.WithParentName;

            /** Braces in comments { do not count }; neither does a method() in prose; */
            @ConfigMapping(prefix = "tributary.sample")
            public interface SampleConfig {
                // a URL default holds "//", which is not a comment inside a string
                @WithDefault("http://127.0.0.1:9000")
                String endpoint();

                @WithDefault("${TRIBUTARY_TOKEN:}") // braces inside a string are not a block
                Optional<String> authToken();

                int maxTTLSeconds();

                @WithName("renamed")
                boolean original();

                Kafka kafka();

                Optional<Tls> tls();

                @WithParentName
                Limits limits();

                Map<String, String> bitrates();

                Map<String, Kafka> channels();

                Shared shared();

                String CONSTANT = "not() a property;";

                default String derived() {
                    return endpoint() + ";";
                }

                interface Kafka {
                    @WithDefault("6")
                    int partitions();
                }

                interface Tls {
                    Optional<java.nio.file.Path> keystorePath();
                }

                interface Limits {
                    @WithDefault("16")
                    int maxPerIp();
                }
            }
            """;

    /** A group declared in another file of the module. */
    private static final String SHARED = """
            package x;

            public interface Shared {
                @WithDefault("a \\"quoted\\" value")
                String text();
            }
            """;

    @Test
    void findsEveryPropertyWithItsDefault(@TempDir Path sources) throws IOException {
        Files.writeString(sources.resolve("SampleConfig.java"), MAPPING);
        Files.writeString(sources.resolve("Shared.java"), SHARED);

        Map<String, Optional<String>> keys = new LinkedHashMap<>();
        ConfigMappingScanner.scan(sources).forEach(key -> keys.put(key.name(), key.defaultValue()));

        Map<String, Optional<String>> expected = new LinkedHashMap<>();
        expected.put("tributary.sample.endpoint", Optional.of("http://127.0.0.1:9000"));
        expected.put("tributary.sample.auth-token", Optional.of("${TRIBUTARY_TOKEN:}"));
        expected.put("tributary.sample.max-ttl-seconds", Optional.empty());
        expected.put("tributary.sample.renamed", Optional.empty());
        expected.put("tributary.sample.kafka.partitions", Optional.of("6"));
        expected.put("tributary.sample.tls.keystore-path", Optional.empty());
        expected.put("tributary.sample.max-per-ip", Optional.of("16"));
        expected.put("tributary.sample.bitrates.*", Optional.empty());
        expected.put("tributary.sample.channels.*", Optional.empty());
        expected.put("tributary.sample.shared.text", Optional.of("a \"quoted\" value"));
        assertEquals(expected, keys);
    }

    @Test
    void matchesEnvironmentVariablesAsSmallRyeDoes() {
        ConfigKey port = new ConfigKey("tributary.ingest.rtmps-port", Optional.empty(), "test");
        ConfigKey map = new ConfigKey("tributary.transcode.ladder.bitrates.*", Optional.empty(), "test");

        assertTrue(port.isSetBy("TRIBUTARY_INGEST_RTMPS_PORT"));
        assertFalse(port.isSetBy("TRIBUTARY_INGEST_RTMPS_PORTS"));
        assertTrue(map.isSetBy("TRIBUTARY_TRANSCODE_LADDER_BITRATES_720P"));
        assertFalse(map.isSetBy("TRIBUTARY_TRANSCODE_LADDER_BITRATES"));
    }

    @Test
    void namesMethodsInKebabCase() {
        List<String[]> cases = List.of(
                new String[] {"rtmpPort", "rtmp-port"},
                new String[] {"ssimSampleEvery", "ssim-sample-every"},
                new String[] {"maxTTLSeconds", "max-ttl-seconds"},
                new String[] {"s3Endpoint", "s3-endpoint"},
                new String[] {"enabled", "enabled"});
        for (String[] c : cases) {
            assertEquals(c[1], ConfigNames.kebab(c[0]), c[0]);
        }
    }
}
