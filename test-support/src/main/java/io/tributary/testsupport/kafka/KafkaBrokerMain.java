package io.tributary.testsupport.kafka;

import io.tributary.testsupport.ServerProcess;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local stack's Kafka as a process:
 * {@code java -cp ... io.tributary.testsupport.kafka.KafkaBrokerMain --port 9092 --controller-port 9093 --data-dir DIR}.
 *
 * <p>Prints exactly {@code KAFKA READY 127.0.0.1:<port>} on standard output once a client can use the broker, and
 * stops cleanly on SIGTERM. See {@link ServerProcess} for the exit codes.
 */
public final class KafkaBrokerMain {
    private KafkaBrokerMain() {
    }

    public static void main(String[] args) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("--port", "9092");
        defaults.put("--controller-port", "9093");
        defaults.put("--data-dir", ".tributary/kafka");
        ServerProcess.serve("kafka", args, defaults, options -> {
            EmbeddedKafka kafka = EmbeddedKafka.start(Path.of(options.text("--data-dir")),
                    options.port("--port"), options.port("--controller-port"));
            return new ServerProcess.Started(kafka, "KAFKA READY " + kafka.bootstrapServers());
        });
    }
}
