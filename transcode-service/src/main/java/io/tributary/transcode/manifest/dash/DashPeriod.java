package io.tributary.transcode.manifest.dash;

import java.time.Duration;
import java.util.List;

/**
 * A Period (ISO/IEC 23009-1 §5.3.2): one session, or one span of a session with an unchanged codec configuration.
 * A new session or a codec change starts a new Period, whose representations have their own init segments and
 * their own timelines.
 *
 * @param id unique in the MPD and stable across updates (§5.3.2.2), e.g. the session id
 * @param start the Period's start relative to MPD@availabilityStartTime
 */
public record DashPeriod(String id, Duration start, List<DashAdaptationSet> adaptationSets) {

    public DashPeriod {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a period needs an id");
        }
        if (start.isNegative()) {
            throw new IllegalArgumentException("period start is negative: " + start);
        }
        adaptationSets = List.copyOf(adaptationSets);
        if (adaptationSets.isEmpty()) {
            throw new IllegalArgumentException("a period needs at least one adaptation set");
        }
    }

    List<DashRepresentation> representations() {
        return adaptationSets.stream().flatMap(a -> a.representations().stream()).toList();
    }
}
