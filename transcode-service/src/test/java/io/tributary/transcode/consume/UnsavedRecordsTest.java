package io.tributary.transcode.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stages the loop commits by: a channel's unsaved records complete together, and a skipped record with them. */
class UnsavedRecordsTest {
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final UnsavedRecords unsaved = new UnsavedRecords("ch", new ChannelLane("ch", pool, () -> { }),
            Duration.ofMinutes(10), timer, () -> { });

    @AfterEach
    void stop() {
        pool.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void aSkippedRecordWithNothingUnsavedIsDoneAtOnce() {
        assertTrue(unsaved.withLatest().isDone());
    }

    @Test
    void aSkippedRecordBehindUnsavedOnesCompletesOnlyWithTheirSave() {
        CompletableFuture<Void> first = unsaved.add();
        CompletableFuture<Void> second = unsaved.add();
        CompletableFuture<Void> skipped = unsaved.withLatest();
        assertEquals(2, unsaved.count(), "a skipped record changes nothing to save");
        assertFalse(skipped.isDone(), "committing it would commit the unsaved records before it");
        unsaved.saved();
        assertTrue(first.isDone() && second.isDone() && skipped.isDone());
    }
}
