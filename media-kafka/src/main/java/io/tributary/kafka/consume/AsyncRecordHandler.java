package io.tributary.kafka.consume;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * A {@link RecordHandler} whose output for a record may become durable after it returns: a worker that hands part of
 * a record's work to something slower (an encoder) and goes on with the next record.
 *
 * <p>{@link #handle} returning means the lane may go on to the next record of the partition; the stage it returns
 * completing normally means the record's output is durable. The loop commits an offset only when that record's stage
 * and the stages of every record before it in the partition have completed, so completions may come in any order and
 * a crash never skips a record whose output was not stored. A stage that completes exceptionally leaves its offset
 * uncommitted, and the loop fetches the partition again from it after a back-off: that record and the ones after it
 * are handed again (the handler must take them as replays, as after a restart). A stage pending when the partition is
 * revoked or the worker closes leaves its offset uncommitted too: the record is handed again to whoever owns the
 * partition next. An exception thrown by {@code handle} itself means "not done yet", as for {@link RecordHandler}:
 * the same record is handed again after a back-off. At most {@code maxInFlight} records of a partition are handed
 * over with their stages pending ({@link RecordLoop.Settings}); the handler is told when a partition reaches that bound
 * ({@link #onPartitionFull}).
 */
public interface AsyncRecordHandler {

    CompletionStage<?> handle(ConsumerRecord<String, byte[]> record) throws Exception;

    /** This instance now owns the partition. */
    default void onAssigned(TopicPartition partition) {
    }

    /**
     * Another instance owns the partition from now on; no handle() call is running. Stages still pending for it will
     * not be committed by this instance: work that completes them should stop.
     */
    default void onRevoked(TopicPartition partition) {
    }

    /**
     * The partitions of one rebalance, revoked together (a handler that waits for work in progress on revocation can
     * wait once for all of them); by default {@link #onRevoked(TopicPartition)} for each.
     */
    default void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        partitions.forEach(this::onRevoked);
    }

    /**
     * The partition has {@code maxInFlight} records handed over whose stages are pending ({@link RecordLoop.Settings}):
     * no record of it is handed over until one of them completes. A handler whose stages wait for something it does
     * itself after more records (a save every few records, a batch to fill) must not wait for those records now, or
     * the partition waits for a timer at best: it completes what it can (saves, flushes) here. Called each time the
     * bound is reached, right after the {@code handle} call that reached it and on the same thread (no other
     * {@code handle} call of the partition runs meanwhile), unless the partition was revoked during that call; must
     * not block on records or stages (nothing completes them meanwhile), and delays the partition's next record as a
     * {@code handle} call would. The handler need not count records to know
     * it: the loop's count is the one the bound applies to (stages that completed at once are not in it; records a
     * rewind abandoned are, until their stages complete). By default nothing: the stages complete on their own.
     *
     * <p>A late call may come for a partition just stopped: a revocation that begins after the lane checked the bound
     * and before it made this call does not hold the call back. It comes before {@link #onPartitionsRevoked}: the loop
     * waits for the lane's call before it revokes (what the call completes may still be committed then); only when
     * that wait is interrupted may it come after, for a partition the handler has let go, and the handler must ignore
     * it (find the partition gone, do nothing).
     */
    default void onPartitionFull(TopicPartition partition) {
    }

    /**
     * Whether the handler takes another record of the partition now: false while what it holds of records handed
     * over and not yet worked on is at its memory bound (a worker behind its streams), so that the records after
     * them wait in Kafka rather than on its heap (the lanes' backlogs fill, and the loop pauses their partitions).
     * Asked before each hand-over; a lane it stopped asks again when the handler calls the {@link #onResumable}
     * callback, whenever one of its stages completes, and at the loop's next poll (within a tenth of a second). Must be
     * cheap and never block. By default always.
     */
    default boolean accepting(TopicPartition partition) {
        return true;
    }

    /**
     * Called once, before the loop starts, with what to call when {@link #accepting} turns true again: the lanes it
     * held back hand over at once rather than at the loop's next poll, which under load would add up to a tenth of a
     * second to the records waiting. Thread-safe and cheap. By default ignored.
     */
    default void onResumable(Runnable handOverAgain) {
    }

    /**
     * The loop is closing: no handle() call runs any more, and none will. Next the loop waits up to its grace (a few
     * seconds) for the stages still pending, so that records about to become durable are committed here rather than
     * handed again. A handler whose pending stages can no longer complete (they wait for records that will not come,
     * or for work it has stopped) completes them exceptionally here: the loop then stops waiting for them at once, and
     * their records stay uncommitted, to be handed to the partition's next owner. By default nothing: the loop waits.
     */
    default void onClosing() {
    }

    /** A synchronous handler: each record is durable when its call returns. */
    static AsyncRecordHandler of(RecordHandler handler) {
        return new AsyncRecordHandler() {
            @Override
            public CompletionStage<?> handle(ConsumerRecord<String, byte[]> record) throws Exception {
                handler.handle(record);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void onAssigned(TopicPartition partition) {
                handler.onAssigned(partition);
            }

            @Override
            public void onRevoked(TopicPartition partition) {
                handler.onRevoked(partition);
            }
        };
    }
}
