package io.tributary.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a step of the ramp counts as sustained (README.md, "Ramp criterion"): every playlist update within a second
 * of its GOP's close at p99, (almost) every GOP published, every publisher connected and on time. A step fails for
 * the generator instead of the stack when its own scheduler ran late.
 */
final class RampCriterion {

    static final long MAX_P99_MILLIS = 1000;
    /** Window edges cut a GOP or so per stream; a stream whose GOPs are dropped loses far more. */
    static final double MIN_SEGMENT_FRACTION = 0.95;
    /**
     * Beyond this the generator, not the stack, is what is measured: its tags no longer go out at real time. (The
     * latency itself counts from the GOP's close at the ingest, so a late tag does not bias it; on this shared
     * machine, at load 15, the scheduler's p99 is 40 to 110 ms with 4 publishers, all of it waiting for a core.)
     */
    static final long MAX_SCHEDULER_P99_MILLIS = 500;

    /**
     * Uncommitted {@code stream-gops} records per stream a background worker (archive, thumbnail) may hold at the end
     * of a window: archive's copy mode commits a GOP once a stored chunk of at least 5 MiB holds it (about 7 GOPs of
     * the 3 Mb/s clip) or, at the latest, after its 30 s chunk-wait (15 GOPs); thumbnail commits every second. More
     * than 16 (32 s of media) means the worker is falling behind, which at background priority is how a saturated
     * machine shows first.
     */
    static final int MAX_BACKLOG_PER_STREAM = 16;

    private RampCriterion() {
    }

    /** The reasons the background workers' backlog at the window's end fails it; empty when they keep up. */
    static List<String> backlogFailures(Map<String, Long> uncommittedByGroup, int streams) {
        List<String> reasons = new ArrayList<>();
        uncommittedByGroup.forEach((group, records) -> {
            if (records > (long) MAX_BACKLOG_PER_STREAM * streams) {
                reasons.add(group + " behind: " + records + " records uncommitted > " + MAX_BACKLOG_PER_STREAM
                        + " per stream");
            }
        });
        return reasons;
    }

    /** The reasons the window fails; empty when it is sustained. */
    static List<String> failures(WindowResult w) {
        return failures(w, Set.of("source"));
    }

    /**
     * The same, where every rendition of {@code renditions} (all those seen so far in the run: with the ladder on,
     * its rungs) must have its segments: a ladder that drops a rung when it falls behind fails the step too.
     */
    static List<String> failures(WindowResult w, Set<String> renditions) {
        List<String> reasons = new ArrayList<>();
        Percentiles all = w.latencyByRendition().getOrDefault(WindowResult.ALL, Percentiles.EMPTY);
        if (all.count() == 0) {
            reasons.add("no segment published in the window");
        } else if (all.p99() > MAX_P99_MILLIS) {
            reasons.add("p99 GOP close to playlist " + all.p99() + " ms > " + MAX_P99_MILLIS + " ms");
        }
        for (String rendition : new TreeSet<>(renditions)) {
            int segments = w.segmentsByRendition().getOrDefault(rendition, 0);
            if (segments < MIN_SEGMENT_FRACTION * w.segmentsExpectedPerRendition()) {
                reasons.add(rendition + " segments " + segments + " of " + Math.round(w.segmentsExpectedPerRendition())
                        + " expected");
            }
        }
        if (w.publishersFailed() > 0) {
            reasons.add(w.publishersFailed() + " publishers disconnected");
        }
        if (w.publishersBehind() > 0) {
            reasons.add(w.publishersBehind() + " publishers fell behind (over a second of media unsent)");
        }
        if (w.abnormalStops() > 0) {
            reasons.add(w.abnormalStops() + " sessions ended by the ingest (stream-stopped not publisher-closed)");
        }
        if (w.schedulerLatenessP99Millis() > MAX_SCHEDULER_P99_MILLIS) {
            reasons.add("generator overloaded: scheduler p99 " + w.schedulerLatenessP99Millis() + " ms late");
        }
        return reasons;
    }
}
