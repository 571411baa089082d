package io.tributary.testsupport;

import io.minio.BucketExistsArgs;
import io.minio.MinioClient;
import io.tributary.testsupport.kafka.KafkaBrokerMain;
import io.tributary.testsupport.s3.S3ServerMain;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerMainsIT {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration STOP = Duration.ofSeconds(30);
    /** What the JVM exits with after SIGTERM once its shutdown hooks ran: 128 + 15. */
    private static final int SIGTERM_EXIT = 143;

    @BeforeAll
    static void quietKafkaClients() {
        ServerLogLevels.quiet();
    }

    @Test
    void kafkaBrokerMainSaysReadyOnceItServesAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        try (ChildJvm kafka = ChildJvm.start(KafkaBrokerMain.class,
                "--port", "0", "--controller-port", "0", "--data-dir", dir.resolve("kafka").toString())) {
            String ready = kafka.nextStdoutLine(START);
            assertNotNull(ready, () -> "no READY line; stderr: " + kafka.stderr());
            Matcher m = Pattern.compile("KAFKA READY (127\\.0\\.0\\.1:\\d+)").matcher(ready);
            assertTrue(m.matches(), ready);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, m.group(1)))) {
                assertEquals(1, admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size());
            }

            assertEquals(SIGTERM_EXIT, kafka.terminate(STOP));
            assertEquals(List.of(), kafka.remainingStdout());
        }
    }

    @Test
    void s3ServerMainMakesTheBucketSaysReadyAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        try (ChildJvm s3 = ChildJvm.start(S3ServerMain.class, "--port", "0", "--data-dir", dir.resolve("s3").toString(),
                "--access-key", "stack", "--secret-key", "stack-secret", "--bucket", "media")) {
            String ready = s3.nextStdoutLine(START);
            assertNotNull(ready, () -> "no READY line; stderr: " + s3.stderr());
            Matcher m = Pattern.compile("S3 READY (http://127\\.0\\.0\\.1:\\d+)").matcher(ready);
            assertTrue(m.matches(), ready);
            MinioClient client = MinioClient.builder().endpoint(m.group(1)).credentials("stack", "stack-secret").region("us-east-1").build();
            assertTrue(client.bucketExists(BucketExistsArgs.builder().bucket("media").build()));

            assertEquals(SIGTERM_EXIT, s3.terminate(STOP));
            assertEquals(List.of(), s3.remainingStdout());
        }
    }

    @Test
    void kafkaBrokerMainExitsWithOneLineNamingATakenPort(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ChildJvm kafka = ChildJvm.start(KafkaBrokerMain.class, "--port", Integer.toString(taken.getLocalPort()),
                     "--controller-port", "0", "--data-dir", dir.toString())) {
            assertEquals(2, kafka.awaitExit(START));
            assertTakenPortLine(kafka, "kafka: port " + taken.getLocalPort() + " (Kafka broker) is already in use");
        }
    }

    @Test
    void s3ServerMainExitsWithOneLineNamingATakenPort(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ChildJvm s3 = ChildJvm.start(S3ServerMain.class, "--port", Integer.toString(taken.getLocalPort()),
                     "--data-dir", dir.toString())) {
            assertEquals(2, s3.awaitExit(START));
            assertTakenPortLine(s3, "s3: port " + taken.getLocalPort() + " (S3) is already in use");
        }
    }

    private static void assertTakenPortLine(ChildJvm child, String start) {
        assertEquals(List.of(), child.remainingStdout());
        List<String> errors = child.stderr();
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).startsWith(start), errors.get(0));
        assertFalse(errors.get(0).contains("Exception"), errors.get(0));
    }
}
