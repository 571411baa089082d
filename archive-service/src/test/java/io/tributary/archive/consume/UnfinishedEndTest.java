package io.tributary.archive.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.archive.session.SessionFinalizer;
import io.tributary.archive.session.SessionRef;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class UnfinishedEndTest {
    private static final TopicPartition PARTITION = new TopicPartition("stream-gops", 0);
    private static final SessionRef REF = new SessionRef("alice", "01J0000000000000000000000A");
    private static final String TIMEOUT = "no record for 60 s";
    private static final IllegalStateException STORAGE_AWAY = new IllegalStateException("storage away");

    @Test
    void triesAgainAfterABackOffThatDoublesUpToAMinute() {
        UnfinishedEnd end = new UnfinishedEnd(PARTITION, REF);
        long now = 0;
        for (long backoff : new long[] {1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000}) {
            end.failed(SessionFinalizer.LAST_RECORD, STORAGE_AWAY, now);
            assertFalse(UnfinishedEnd.due(end, false, false, now + backoff - 1), "not before " + backoff + " ms");
            assertTrue(UnfinishedEnd.due(end, false, false, now + backoff), "after " + backoff + " ms");
            now += backoff;
        }
        assertEquals(UnfinishedEnd.MAX_RETRY_MILLIS, UnfinishedEnd.backoffMillis(Integer.MAX_VALUE));
    }

    @Test
    void aSessionWithNoFailedEndIsDueWhenItsLastRecordComesOrTheIdleRuleSaysItIsOver() {
        assertTrue(UnfinishedEnd.due(null, true, false, 0));
        assertTrue(UnfinishedEnd.due(null, false, true, 0));
        assertFalse(UnfinishedEnd.due(null, false, false, 0));
    }

    @Test
    void aSessionWhoseLastRecordCameIsOverWhateverTheIdleRuleSays() {
        UnfinishedEnd end = new UnfinishedEnd(PARTITION, REF);
        end.failed(TIMEOUT, STORAGE_AWAY, 0);
        assertFalse(end.lastRecordCame(), "a timeout is decided again by the idle rule");
        assertFalse(UnfinishedEnd.due(end, false, false, UnfinishedEnd.FIRST_RETRY_MILLIS), "no longer idle");
        assertTrue(UnfinishedEnd.due(end, true, true, 0), "its last record is a new end: tried at once");

        end.failed(SessionFinalizer.LAST_RECORD, STORAGE_AWAY, 0);
        assertTrue(end.lastRecordCame());
        assertFalse(UnfinishedEnd.due(end, true, true, 1), "the last record handed again waits out the back-off");
        assertTrue(UnfinishedEnd.due(end, false, false, 2 * UnfinishedEnd.FIRST_RETRY_MILLIS),
                "over, idle or not");
    }
}
