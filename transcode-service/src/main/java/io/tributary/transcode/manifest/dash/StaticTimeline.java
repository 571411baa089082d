package io.tributary.transcode.manifest.dash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-bases the periods of an ended live presentation so that its static MPD starts at zero.
 *
 * <p>A static MPD plays from its first Period's start (ISO/IEC 23009-1 §5.3.1.2), but the live window has slid:
 * the earliest segment still listed sits somewhere inside the first Period. That segment's presentation time becomes
 * the new origin: the first Period starts at 0 with its presentationTimeOffset advanced by the same amount in each
 * representation (so audio and video stay aligned), and later Periods move earlier by the same amount.
 */
final class StaticTimeline {

    record Rebased(List<DashPeriod> periods, Duration mediaPresentationDuration) {
    }

    private StaticTimeline() {
    }

    static Rebased rebase(List<DashPeriod> periods) {
        DashPeriod first = periods.get(0);
        Duration origin = first.representations().stream()
                .map(r -> first.start().plus(offsetOfFirstSegment(r.segmentTemplate())))
                .min(Duration::compareTo).orElseThrow();
        List<DashPeriod> rebased = new ArrayList<>(periods.size());
        Duration end = Duration.ZERO;
        for (int i = 0; i < periods.size(); i++) {
            DashPeriod p = periods.get(i);
            Duration shift = i == 0 ? origin.minus(p.start()) : Duration.ZERO;
            Duration start = i == 0 ? Duration.ZERO : max(Duration.ZERO, p.start().minus(origin));
            List<DashAdaptationSet> sets = new ArrayList<>();
            for (DashAdaptationSet set : p.adaptationSets()) {
                List<DashRepresentation> reps = new ArrayList<>();
                for (DashRepresentation r : set.representations()) {
                    DashSegmentTemplate t = r.segmentTemplate();
                    DashSegmentTemplate moved = t.withPresentationTimeOffset(
                            t.presentationTimeOffset() + MediaTime.toTicks(shift, t.timescale()));
                    reps.add(r.withSegmentTemplate(moved));
                    DashSegment last = moved.segments().get(moved.segments().size() - 1);
                    end = max(end, start.plus(
                            MediaTime.toDuration(last.end() - moved.presentationTimeOffset(), moved.timescale())));
                }
                sets.add(new DashAdaptationSet(set.contentType(), set.language(), reps, set.startsWithSap()));
            }
            rebased.add(new DashPeriod(p.id(), start, sets));
        }
        return new Rebased(rebased, end);
    }

    private static Duration offsetOfFirstSegment(DashSegmentTemplate t) {
        return MediaTime.toDuration(t.segments().get(0).time() - t.presentationTimeOffset(), t.timescale());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
