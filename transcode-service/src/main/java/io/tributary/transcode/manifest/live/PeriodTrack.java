package io.tributary.transcode.manifest.live;

import io.tributary.transcode.manifest.dash.DashSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One rendition's SegmentTimeline within a DASH Period.
 *
 * @param segments consecutive numbers, increasing times: what $Number$ addressing needs (ISO/IEC 23009-1 §5.3.9.6)
 * @param startsWithSap every segment added so far started with a keyframe (@startWithSAP); it stays false for the
 *     Period once a continuation segment came, which is rare (a GOP longer than the ingest's longest) and harmless
 */
public record PeriodTrack(String rendition, TrackFacts facts, List<DashSegment> segments, boolean startsWithSap) {

    public PeriodTrack {
        segments = List.copyOf(segments);
    }

    static PeriodTrack of(RenditionSegment s) {
        return new PeriodTrack(s.rendition(), s.facts(), List.of(dashSegment(s)), s.independent());
    }

    /**
     * This timeline with {@code s} added. A segment at or before the last one is a replay and changes nothing. After a
     * hole (a GOP without this track) the timeline restarts at {@code s}: $Number$ addressing cannot skip a number,
     * and a player at the live edge needs only the latest segments.
     */
    PeriodTrack append(RenditionSegment s) {
        DashSegment last = segments.get(segments.size() - 1);
        if (s.sequence() <= last.number()) {
            return this;
        }
        boolean follows = s.sequence() == last.number() + 1 && s.baseMediaDecodeTime() > last.time();
        List<DashSegment> next = new ArrayList<>(follows ? segments : List.of());
        next.add(dashSegment(s));
        boolean sap = follows ? startsWithSap && s.independent() : s.independent();
        return new PeriodTrack(rendition, s.facts(), next, sap);
    }

    /** The segments whose numbers are still listed by the rendition's HLS window. */
    PeriodTrack keepOnly(Set<Long> listedNumbers) {
        return new PeriodTrack(rendition, facts,
                segments.stream().filter(d -> listedNumbers.contains(d.number())).toList(), startsWithSap);
    }

    private static DashSegment dashSegment(RenditionSegment s) {
        return new DashSegment(s.sequence(), s.baseMediaDecodeTime(), s.duration());
    }
}
