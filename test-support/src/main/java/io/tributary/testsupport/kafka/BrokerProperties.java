package io.tributary.testsupport.kafka;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The configuration of our one-node Kafka: KRaft combined mode (the same process is broker and controller), plain
 * text on 127.0.0.1, every internal topic at replication factor 1 (there is one node to hold it).
 */
final class BrokerProperties {
    /** One GOP record may be up to 8 MiB of FLV; twice that leaves room for headers and batch overhead. */
    static final int MESSAGE_MAX_BYTES = 16 * 1024 * 1024;

    private BrokerProperties() {
    }

    static Properties combined(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        // a static quorum: the voter set comes from this line at every start, so a restart may change the port
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toAbsolutePath().toString());

        // internal topics default to replication factor 3: on one node the group coordinator would retry creating
        // __consumer_offsets forever and no consumer group would ever join
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // one coordinator partition each instead of 50: a first consumer group joins in milliseconds, not seconds
        p.setProperty("offsets.topic.num.partitions", "1");
        p.setProperty("transaction.state.log.num.partitions", "1");
        p.setProperty("share.coordinator.state.topic.num.partitions", "1");
        // tests start a group and expect it to consume at once; the 3 s default waits for more members to join
        p.setProperty("group.initial.rebalance.delay.ms", "0");

        // the active controller appends a no-op record to the metadata log every 500 ms by default (KIP-835: a
        // liveness signal for a quorum of several controllers), each a raft append and a metadata delta published to
        // every broker component. In the idle local stack its threads took 0.28 of the broker's 1.76 CPU s a minute
        // (JIT aside), 0.07 at 5 s (bench/load/README.md)
        p.setProperty("metadata.max.idle.interval.ms", "5000");

        p.setProperty("message.max.bytes", Integer.toString(MESSAGE_MAX_BYTES));
        p.setProperty("replica.fetch.max.bytes", Integer.toString(MESSAGE_MAX_BYTES));
        // topics are provisioned by the services that own them (TopicProvisioner); a typo must fail, not create
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("num.partitions", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        // the log cleaner (for the compacted stream-keys) allocates this buffer up front: 128 MiB by default is a
        // lot of test JVM heap for a topic of a few hundred small records
        p.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        return p;
    }
}
