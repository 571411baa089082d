package io.tributary.ingest.it;

import io.tributary.testsupport.LoopbackPorts;
import java.util.Map;

/**
 * The ingest with Kafka unreachable (a port nobody listens on) and a 1 KiB in-flight budget: the first GOP record
 * cannot be acknowledged, the publisher is paused, and after the 2 s backpressure timeout its session must end with
 * {@code error}. Topic provisioning is off, as it would fail the start.
 */
public class DeadKafkaTestResource extends IngestTestResource {

    @Override
    protected Map<String, String> kafka() {
        int nobody = LoopbackPorts.pickFree(1)[0];
        return Map.of(
                "kafka.bootstrap.servers", "127.0.0.1:" + nobody,
                "tributary.ingest.kafka.provision-topics", "false",
                "tributary.ingest.kafka.max-block", "15s",
                "tributary.ingest.kafka-inflight-bytes", "1K",
                "tributary.ingest.backpressure-timeout", "2s");
    }
}
