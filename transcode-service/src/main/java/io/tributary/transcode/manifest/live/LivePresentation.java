package io.tributary.transcode.manifest.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The live presentation of one channel: every rendition's HLS window and the DASH Periods over the same segments,
 * as an immutable value that each GOP advances ({@link #apply}).
 *
 * <p>Both manifests name exactly the same segments: the HLS windows slide (RFC 8216 §6.2.2) and the DASH timelines
 * keep only what the windows list, so a segment that leaves one has left both, and is safe to delete once players
 * that read the older manifests are done with it.
 *
 * <p>Wall-clock times come from the records, never from the clock of the worker: availabilityStartTime is the
 * wall-clock start of the presentation's first GOP, a Period of a new session starts at its own GOP's wall-clock start
 * (or where the previous Period ends, if later), a Period after a format change continues the media timeline, and a
 * segment's EXT-X-PROGRAM-DATE-TIME is where its GOP plays in its Period.
 *
 * @param availabilityStartTime the MPD's anchor; null before the first segment
 * @param ended the session's last record came: playlists carry EXT-X-ENDLIST, the MPD is static
 * @param renditions in the order the manifests list them (first come, first listed)
 * @param periods oldest first; each has at least one track with at least one segment
 */
public record LivePresentation(Instant availabilityStartTime, boolean ended, List<RenditionState> renditions,
                               List<PeriodState> periods) {

    public LivePresentation {
        renditions = List.copyOf(renditions);
        periods = List.copyOf(periods);
    }

    public static LivePresentation empty() {
        return new LivePresentation(null, false, List.of(), List.of());
    }

    /**
     * What is left of a presentation whose state was lost: the playlists read back from storage. It counts as ended,
     * so the next GOP starts over with the playlists' numbering continued.
     */
    public static LivePresentation recovered(List<RenditionState> playlists) {
        return new LivePresentation(null, true, playlists, List.of());
    }

    /** The presentation with the GOP's segments added (and ended, if it is the session's last). */
    public LivePresentation apply(GopSegments gop, int windowSize) {
        LivePresentation base = gop.boundary() == Boundary.FRESH_START || availabilityStartTime == null
                ? restartAt(gop.wallClockStart()) : this;
        if (base.ended) {
            throw new IllegalStateException("the presentation has ended: only a fresh start can follow");
        }
        PeriodState period = base.periodFor(gop);
        Instant programDateTime = base.availabilityStartTime.plusMillis(period.presentationMillis(gop.mediaStartMillis()));
        boolean boundary = gop.boundary() != Boundary.NONE;
        Map<String, RenditionState> byName = new LinkedHashMap<>();
        base.renditions.forEach(r -> byName.put(r.name(), boundary ? r.withDiscontinuityPending() : r));
        for (RenditionSegment s : gop.segments()) {
            RenditionState r = byName.getOrDefault(s.rendition(), RenditionState.first(s.rendition(), s.facts(),
                    windowSize));
            // the pending mark set above for this GOP's boundary is the boundary itself: append decides with both
            byName.put(s.rendition(), r.append(s, programDateTime, boundary));
            period = period.append(s);
        }
        List<PeriodState> periods = new ArrayList<>(base.periods);
        if (!periods.isEmpty() && periods.get(periods.size() - 1).id().equals(period.id())) {
            periods.set(periods.size() - 1, period);
        } else {
            periods.add(period);
        }
        List<RenditionState> renditions = List.copyOf(byName.values());
        LivePresentation next = new LivePresentation(base.availabilityStartTime, false, renditions,
                trimmed(periods, renditions));
        return gop.last() ? next.end() : next;
    }

    /**
     * The presentation with segments made from {@code reference}'s segments of the same GOPs: the ABR ladder's rungs,
     * encoded from the source and arriving after the source's segments are listed. Each is listed only where the
     * reference's window lists the segment of the same name (the same GOP), with that entry's numbering, times and
     * discontinuity ({@link RenditionState#aligned}), and joins the DASH Period that holds the reference's segment.
     * A rendition appearing here is no boundary: no discontinuity and no new Period for the others. A segment whose
     * reference has left the window (or was never listed) is left out.
     */
    public LivePresentation addAligned(String reference, List<RenditionSegment> segments, int windowSize) {
        RenditionState ref = rendition(reference).orElse(null);
        if (ref == null || segments.isEmpty()) {
            return this;
        }
        Map<String, RenditionState> byName = new LinkedHashMap<>();
        renditions.forEach(r -> byName.put(r.name(), r));
        List<PeriodState> nextPeriods = new ArrayList<>(periods);
        for (RenditionSegment s : segments) {
            int index = ref.playlist().indexOf(s.uri());
            if (index < 0 || s.rendition().equals(reference)) {
                continue;
            }
            byName.put(s.rendition(), RenditionState.aligned(byName.get(s.rendition()), s, ref.playlist(), index,
                    windowSize));
            for (int i = 0; i < nextPeriods.size(); i++) {
                PeriodState p = nextPeriods.get(i);
                if (p.lists(reference, s.uri())) {
                    nextPeriods.set(i, p.append(s));
                }
            }
        }
        List<RenditionState> next = List.copyOf(byName.values());
        return new LivePresentation(availabilityStartTime, ended, next, trimmed(nextPeriods, next));
    }

    /**
     * The presentation without a rendition (a rung the ladder dropped): gone from the multivariant playlist and the
     * MPD, its media playlist no longer updated, its segments no longer named (so retention deletes them).
     */
    public LivePresentation without(String name) {
        List<RenditionState> kept = renditions.stream().filter(r -> !r.name().equals(name)).toList();
        return kept.size() == renditions.size() ? this
                : new LivePresentation(availabilityStartTime, ended, kept, trimmed(periods, kept));
    }

    /** The session is over: EXT-X-ENDLIST on every playlist, a static MPD. */
    public LivePresentation end() {
        return new LivePresentation(availabilityStartTime, true, renditions.stream().map(RenditionState::end).toList(),
                periods);
    }

    /** The object names each rendition's window lists: what the manifests of this presentation name. */
    public Map<String, Set<String>> listedSegments() {
        Map<String, Set<String>> listed = new LinkedHashMap<>();
        for (RenditionState r : renditions) {
            Set<String> names = new HashSet<>();
            r.playlist().segments().forEach(s -> names.add(s.uri()));
            listed.put(r.name(), names);
        }
        return listed;
    }

    public Optional<RenditionState> rendition(String name) {
        return renditions.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** A new presentation anchored at {@code wallClockStart}, the renditions' numbering continued. */
    private LivePresentation restartAt(Instant wallClockStart) {
        return new LivePresentation(wallClockStart, false,
                renditions.stream().map(RenditionState::restart).toList(), List.of());
    }

    /** The Period the GOP belongs to: the current one, or a new one after a boundary or for a new session. */
    private PeriodState periodFor(GopSegments gop) {
        if (periods.isEmpty()) {
            long start = Math.max(0, gop.wallClockStart().toEpochMilli() - availabilityStartTime.toEpochMilli());
            return PeriodState.starting(gop, start);
        }
        PeriodState last = periods.get(periods.size() - 1);
        if (gop.boundary() == Boundary.NONE && last.sessionId().equals(gop.sessionId())) {
            return last;
        }
        long start = gop.boundary().continuesMediaTime()
                ? last.presentationMillis(gop.mediaStartMillis())
                : gop.wallClockStart().toEpochMilli() - availabilityStartTime.toEpochMilli();
        // Periods follow one another (§5.3.2.1): never start before the previous one's media has played
        return PeriodState.starting(gop, Math.max(last.endMillis(), start));
    }

    private static List<PeriodState> trimmed(List<PeriodState> periods, List<RenditionState> renditions) {
        Map<String, Set<String>> listed = new LivePresentation(null, false, renditions, List.of()).listedSegments();
        List<PeriodState> kept = new ArrayList<>(periods.size());
        for (PeriodState p : periods) {
            PeriodState k = p.keepListed(listed);
            if (k != null) {
                kept.add(k);
            }
        }
        return kept;
    }
}
