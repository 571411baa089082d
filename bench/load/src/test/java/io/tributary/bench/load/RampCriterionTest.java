package io.tributary.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RampCriterionTest {

    private static WindowResult window(long p99, int sourceSegments, int failed, int behind, long schedulerP99) {
        Percentiles latency = new Percentiles(sourceSegments, 20, 40, p99, p99, 25);
        return new WindowResult(8, 40, 0, 40_000, Map.of(WindowResult.ALL, latency, "source", latency),
                Map.of("source", sourceSegments), 160, Percentiles.EMPTY, Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of(), Map.of(), 1, schedulerP99, schedulerP99, failed, behind, 0, 0, "1.0 1.0 1.0", 0, Map.of());
    }

    @Test
    void aWindowWithinEveryLimitIsSustained() {
        assertEquals(List.of(), RampCriterion.failures(window(1000, 152, 0, 0, 500)));
    }

    @Test
    void p99OverOneSecondFails() {
        List<String> failures = RampCriterion.failures(window(1001, 160, 0, 0, 5));
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).startsWith("p99"), failures.get(0));
    }

    @Test
    void missingSegmentsDisconnectsAndBacklogsFail() {
        assertEquals(3, RampCriterion.failures(window(100, 151, 1, 2, 5)).size());
    }

    @Test
    void aRenditionSeenBeforeThatStopsFailsTheStep() {
        List<String> failures = RampCriterion.failures(window(100, 160, 0, 0, 5), Set.of("source", "360p"));
        assertEquals(List.of("360p segments 0 of 160 expected"), failures);
    }

    @Test
    void aLateGeneratorInvalidatesTheStep() {
        List<String> failures = RampCriterion.failures(window(100, 160, 0, 0, 501));
        assertTrue(failures.get(0).startsWith("generator overloaded"), failures.get(0));
    }

    @Test
    void aBackgroundWorkerFallingBehindFailsTheStep() {
        assertEquals(List.of(), RampCriterion.backlogFailures(Map.of("archive-service", 16L * 10), 10));
        assertEquals(List.of("archive-service behind: 161 records uncommitted > 16 per stream"),
                RampCriterion.backlogFailures(Map.of("archive-service", 161L, "thumbnail-service", 4L), 10));
    }
}
