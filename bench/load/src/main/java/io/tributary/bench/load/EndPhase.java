package io.tributary.bench.load;

import java.util.Map;

/**
 * What the end of the run's sessions cost: from the publishers' stop until every stopped session's
 * {@code archive-ready} (or the wait's limit). The hold measures a stream while it is live; the archive finishes
 * each session after it (copy mode: the chunks stored while live are copied server-side into one MP4, the tail
 * uploaded), and that work is paid per byte of the session too. Added to the hold's figure, it gives the cost of a
 * whole session per stream-minute, which a design that moves work to the session's end must be judged on.
 *
 * @param seconds            publishers' stop → the last archive-ready (or the limit)
 * @param sessions           sessions stopped (stream-stopped of the run's channels)
 * @param archived           of them, those with an archive-ready
 * @param mediaMinutes       the stopped sessions' media, in minutes (stream-stopped {@code durationMillis})
 * @param stopToReady        per session, its stream-stopped → its archive-ready, ms
 * @param cpuSeconds         each role's CPU over the phase
 * @param idleSubtracted     the same less the role's idle rate over the phase
 */
record EndPhase(double seconds, int sessions, int archived, double mediaMinutes, Percentiles stopToReady,
                Map<String, Double> cpuSeconds, Map<String, Double> idleSubtracted) {

    /** The phase's idle-subtracted CPU of a role per minute of the sessions' media. */
    double perMediaMinute(String role) {
        return mediaMinutes <= 0 ? 0 : idleSubtracted.getOrDefault(role, 0.0) / mediaMinutes;
    }
}
