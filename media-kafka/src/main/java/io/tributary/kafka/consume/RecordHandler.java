package io.tributary.kafka.consume;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * What a worker does with each record of a partition, in offset order.
 *
 * <p>{@link #handle} returns only when the record's output is durable: the loop commits the offset after it. A record
 * that can never succeed (undecodable bytes) must be dealt with inside the handler (logged, counted, skipped); an
 * exception means "not done yet" and the same record is handed again after a back-off, so nothing is lost when
 * object storage is briefly away. Calls for one partition never overlap; calls for different partitions may.
 * A worker whose output for a record becomes durable only later uses {@link AsyncRecordHandler} instead.
 */
public interface RecordHandler {

    void handle(ConsumerRecord<String, byte[]> record) throws Exception;

    /** This instance now owns the partition; state for it may have to be rebuilt from object storage. */
    default void onAssigned(TopicPartition partition) {
    }

    /** Another instance owns the partition from now on; drop any state kept for it. No handle() call is running. */
    default void onRevoked(TopicPartition partition) {
    }
}
