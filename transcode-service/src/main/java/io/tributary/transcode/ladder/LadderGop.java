package io.tributary.transcode.ladder;

import java.util.List;
import java.util.Set;

/**
 * What the ladder made of one GOP, for the worker: the rungs' segments to store and list next to the source's, and
 * the renditions the manifests must no longer list.
 *
 * @param segments one per active rung, each numbered {@code sequence}; empty when nothing was encoded
 * @param dropped rung renditions dropped in this session so far (they could not keep up, or a GOP could not be
 *     encoded): remove them from the manifests, never list them again in this session
 * @param allDropped every rung is dropped for the rest of the session, including ones not named in {@code dropped}
 */
public record LadderGop(String channel, String sessionId, long sequence, List<RungSegment> segments,
                        Set<String> dropped, boolean allDropped) {

    public LadderGop {
        segments = List.copyOf(segments);
        dropped = Set.copyOf(dropped);
    }

    static LadderGop none(LadderJob job) {
        return new LadderGop(job.channel(), job.sessionId(), job.sequence(), List.of(), Set.of(), false);
    }

    /** Whether the manifests may list this rendition (the source always). */
    public boolean listable(String rendition) {
        return Rung.SOURCE.equals(rendition) || !(allDropped || dropped.contains(rendition));
    }
}
