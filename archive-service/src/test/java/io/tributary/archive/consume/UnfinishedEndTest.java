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

    @Test
    void triesAgainAfterABackOffThatDoublesUpToAMinute() {
        UnfinishedEnd end = new UnfinishedEnd(PARTITION, REF);
        long now = 0;
        for (long backoff : new long[] {1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000}) {
            end.failed(SessionFinalizer.LAST_RECORD, new IllegalStateException("storage away"), now);
            assertFalse(end.isDue(now + backoff - 1), "not before " + backoff + " ms");
            assertTrue(end.isDue(now + backoff), "after " + backoff + " ms");
            now += backoff;
        }
    }

    @Test
    void aSessionWhoseLastRecordCameIsOverWhateverTheIdleRuleSays() {
        UnfinishedEnd end = new UnfinishedEnd(PARTITION, REF);
        end.failed(TIMEOUT, new IllegalStateException("storage away"), 0);
        assertFalse(end.lastRecordCame(), "a timeout is decided again by the idle rule");
        assertEquals(TIMEOUT, end.why());

        end.failed(SessionFinalizer.LAST_RECORD, new IllegalStateException("storage away"), 0);
        assertTrue(end.lastRecordCame());
        assertEquals(SessionFinalizer.LAST_RECORD, end.why(), "tried again as the end its last record made");
    }
}
