package io.tributary.archive.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class GopTopicPartitionsTest {

    @Test
    void findsThePartitionTheProducersDefaultPartitionerChooses() {
        for (String channel : List.of("alice", "bob", "a", "channel-with-a-long-name_0123456789", "zz")) {
            for (int partitions : new int[] {1, 2, 6, 7, 64}) {
                assertEquals(BuiltInPartitioner.partitionForKey(channel.getBytes(StandardCharsets.UTF_8), partitions),
                        GopTopicPartitions.partitionFor(channel, partitions), channel + " / " + partitions);
            }
        }
    }
}
