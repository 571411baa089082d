package io.tributary.testsupport.kafka;

import io.tributary.testsupport.LoopbackPorts;
import io.tributary.testsupport.ServerLogLevels;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real Apache Kafka broker in this JVM: one node in KRaft combined mode (broker and controller), listening on
 * 127.0.0.1, with its data in a directory of the caller's choosing.
 *
 * <p>The directory is formatted on first use ({@code kafka-storage format}) and reused as it is afterwards, so topics
 * and records survive a restart; the ports may change between runs. {@link #start} returns once a client's
 * {@code describeCluster} succeeds.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final int port;
    private boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Formats {@code dataDir} if it is new and starts the broker on it.
     *
     * @param port           client listener port, 0 for a free one
     * @param controllerPort KRaft controller listener port, 0 for a free one
     * @throws io.tributary.testsupport.PortInUseException if a given port is taken
     */
    public static EmbeddedKafka start(Path dataDir, int port, int controllerPort) {
        ServerLogLevels.quiet();
        int[] free = LoopbackPorts.pickFree(2);
        int brokerPort = port == 0 ? free[0] : LoopbackPorts.requireFree(port, "Kafka broker");
        int quorumPort = controllerPort == 0 ? free[1] : LoopbackPorts.requireFree(controllerPort, "Kafka controller");
        if (brokerPort == quorumPort) {
            throw new IllegalArgumentException("Kafka broker and controller ports must differ, both are " + brokerPort);
        }
        Properties props = BrokerProperties.combined(dataDir.resolve("logs"), brokerPort, quorumPort);
        format(dataDir, props);

        String failure = "Kafka broker did not start on 127.0.0.1:" + brokerPort + " with data in " + dataDir;
        KafkaRaftServer server;
        try {
            // reads and locks the log directory already
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        } catch (RuntimeException e) {
            throw new IllegalStateException(failure, e);
        }
        EmbeddedKafka kafka = new EmbeddedKafka(server, brokerPort);
        try {
            server.startup();
            kafka.awaitServing(READY_TIMEOUT);
        } catch (RuntimeException e) {
            kafka.close();
            throw new IllegalStateException(failure, e);
        }
        return kafka;
    }

    /** {@code 127.0.0.1:port}, the value of a client's {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Stops the broker and waits until it has; the data stays. Calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
    }

    /**
     * Writes {@code server.properties} beside the logs (kept for whoever looks at the directory) and formats the log
     * directory unless it already is. On a restart the cluster id comes from the directory's own
     * {@code meta.properties}: {@code --ignore-formatted} still refuses a directory formatted under another id.
     */
    private static void format(Path dataDir, Properties props) {
        Path config = dataDir.resolve("server.properties");
        Path logDir = Path.of(props.getProperty("log.dirs"));
        String clusterId;
        try {
            Files.createDirectories(dataDir);
            try (OutputStream out = Files.newOutputStream(config)) {
                props.store(out, "written by io.tributary.testsupport.kafka.EmbeddedKafka at every start");
            }
            clusterId = existingClusterId(logDir.resolve("meta.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka storage in " + dataDir, e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exit = StorageTool.execute(new String[] {
                    "format", "-t", clusterId == null ? Uuid.randomUuid().toString() : clusterId,
                    "-c", config.toString(), "--ignore-formatted"}, out);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot format Kafka storage in " + dataDir + ": " + e.getMessage(), e);
        }
        if (exit != 0) {
            throw new IllegalStateException("cannot format Kafka storage in " + dataDir + ": "
                    + output.toString(StandardCharsets.UTF_8).strip());
        }
    }

    private static String existingClusterId(Path metaProperties) throws IOException {
        if (!Files.exists(metaProperties)) {
            return null;
        }
        Properties meta = new Properties();
        try (var in = Files.newInputStream(metaProperties)) {
            meta.load(in);
        }
        return meta.getProperty("cluster.id");
    }

    /** The server says it has started; a client request is the proof that it serves. */
    private void awaitServing(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka broker " + bootstrapServers() + " did not answer within " + timeout, e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Kafka broker " + bootstrapServers(), e);
                }
            }
        }
    }
}
