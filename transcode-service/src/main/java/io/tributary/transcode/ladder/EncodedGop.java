package io.tributary.transcode.ladder;

import java.time.Duration;
import java.util.List;

/**
 * One GOP through the ladder: the rungs its source size called for, their segments, and what it cost.
 *
 * @param planned every rung for this source size and channel, the source first (including rungs left out as
 *     dropped)
 * @param media the GOP's media duration (its video samples')
 * @param wall encoding wall time, ffmpeg's start to the last segment packaged
 * @param cpu ffmpeg's CPU time
 */
public record EncodedGop(List<Rung> planned, List<RungSegment> segments, Duration media, Duration wall,
                         Duration cpu) {

    public EncodedGop {
        planned = List.copyOf(planned);
        segments = List.copyOf(segments);
    }

    /** A GOP without video, or a channel without rungs: nothing encoded, nothing measured. */
    public static EncodedGop nothing(List<Rung> planned) {
        return new EncodedGop(planned, List.of(), Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    public boolean encodedAnything() {
        return !segments.isEmpty();
    }
}
