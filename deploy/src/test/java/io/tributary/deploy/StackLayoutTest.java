package io.tributary.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackLayoutTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void usesTheDocumentedDefaults() {
        StackLayout layout = StackLayout.parse(ROOT, List.of(), Map.of());

        assertEquals(1935, layout.port(StackPort.RTMP));
        assertEquals(1936, layout.port(StackPort.RTMPS));
        assertEquals(9092, layout.port(StackPort.KAFKA));
        assertEquals(9093, layout.port(StackPort.KAFKA_CONTROLLER));
        assertEquals(9000, layout.port(StackPort.S3));
        assertEquals(8081, layout.port(StackPort.AUTH));
        assertEquals(8082, layout.port(StackPort.INGEST));
        assertEquals(8083, layout.port(StackPort.TRANSCODE));
        assertEquals(8084, layout.port(StackPort.THUMBNAIL));
        assertEquals(8085, layout.port(StackPort.ARCHIVE));
        assertEquals(Path.of("/repo/.tributary"), layout.dataDir());
        assertEquals(Path.of("/repo/.tributary/kafka"), layout.kafkaDir());
        assertEquals(Path.of("/repo/.tributary/logs"), layout.logsDir());
        assertEquals(Path.of("/repo/deploy/target/lib"), layout.libDir());
        assertEquals(StackLayout.DEFAULT_START_TIMEOUT, layout.startTimeout());
    }

    @Test
    void flagOverridesEnvironmentWhichOverridesDefault() {
        StackLayout layout = StackLayout.parse(ROOT,
                List.of("--kafka-port", "19092", "--s3-port=19000", "--no-build", "--start-timeout", "30"),
                Map.of("TRIBUTARY_KAFKA_PORT", "29092", "TRIBUTARY_KAFKA_CONTROLLER_PORT", "29093"));

        assertEquals(19092, layout.port(StackPort.KAFKA));
        assertEquals(29093, layout.port(StackPort.KAFKA_CONTROLLER));
        assertEquals(19000, layout.port(StackPort.S3));
        assertEquals(8081, layout.port(StackPort.AUTH));
        assertEquals(Duration.ofSeconds(30), layout.startTimeout());
    }

    @Test
    void resolvesARelativeDataDirAgainstTheRoot() {
        assertEquals(Path.of("/repo/tmp/stack"),
                StackLayout.parse(ROOT, List.of("--data-dir", "tmp/stack"), Map.of()).dataDir());
        assertEquals(Path.of("/elsewhere"),
                StackLayout.parse(ROOT, List.of("--data-dir", "/elsewhere"), Map.of()).dataDir());
    }

    @Test
    void keepsTheJavacppCacheAtTheRootWhateverTheDataDir() {
        assertEquals(Path.of("/repo/.tributary/javacpp-cache"),
                StackLayout.parse(ROOT, List.of("--data-dir", "/elsewhere"), Map.of()).javacppCacheDir());
    }

    @Test
    void namesEachPortFlagAndVariable() {
        assertEquals("--kafka-controller-port", StackPort.KAFKA_CONTROLLER.flag());
        assertEquals("TRIBUTARY_KAFKA_CONTROLLER_PORT", StackPort.KAFKA_CONTROLLER.environmentVariable());
        assertEquals("TRIBUTARY_RTMPS_PORT", StackPort.RTMPS.environmentVariable());
    }

    @Test
    void rejectsAnUnknownFlag() {
        StackException e = assertThrows(StackException.class,
                () -> StackLayout.parse(ROOT, List.of("--kafak-port", "1"), Map.of()));
        assertTrue(e.getMessage().contains("--kafak-port"), e.getMessage());
    }

    @Test
    void rejectsAFlagWithoutItsValue() {
        StackException e = assertThrows(StackException.class,
                () -> StackLayout.parse(ROOT, List.of("--kafka-port"), Map.of()));
        assertTrue(e.getMessage().contains("--kafka-port needs a value"), e.getMessage());
    }

    @Test
    void rejectsAPortOutOfRangeNamingItsSource() {
        StackException fromFlag = assertThrows(StackException.class,
                () -> StackLayout.parse(ROOT, List.of("--auth-port", "70000"), Map.of()));
        assertTrue(fromFlag.getMessage().contains("--auth-port"), fromFlag.getMessage());

        StackException fromEnvironment = assertThrows(StackException.class,
                () -> StackLayout.parse(ROOT, List.of(), Map.of("TRIBUTARY_S3_PORT", "nine")));
        assertTrue(fromEnvironment.getMessage().contains("TRIBUTARY_S3_PORT"), fromEnvironment.getMessage());
    }
}
