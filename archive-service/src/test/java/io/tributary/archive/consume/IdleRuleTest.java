package io.tributary.archive.consume;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdleRuleTest {
    private final IdleRule rule = new IdleRule(Duration.ofSeconds(60));

    @Test
    void endsASessionOnceThePartitionMovedOnWithoutItByTheIngestClock() {
        // other channels' records closed 61 s after the session's last one have been handled
        assertTrue(rule.isOver(1_061_000, 5_000, 1_000_000, 0, 5_000));
    }

    @Test
    void keepsASessionWhileTheConsumerCatchesUpOnABacklog() {
        // the wall clock says 10 minutes, but the records handled now were closed only 30 s after the session's
        assertFalse(rule.isOver(1_030_000, 600_000, 1_000_000, 0, 600_000));
    }

    @Test
    void endsASessionWhenNothingAtAllArrivesForTheTimeout() {
        assertTrue(rule.isOver(1_000_000, 0, 1_000_000, 0, 60_001));
        assertFalse(rule.isOver(1_000_000, 0, 1_000_000, 0, 60_000));
    }

    @Test
    void aQuietPartitionDoesNotEndASessionThatJustHadARecord() {
        assertFalse(rule.isOver(1_000_000, 0, 1_000_000, 50_000, 70_000));
    }
}
