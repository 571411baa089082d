package io.tributary.transcode.manifest.live;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One DASH Period of the live presentation: a stretch of one session with unchanged track formats on one media
 * timeline (ISO/IEC 23009-1 §5.3.2).
 *
 * @param id {@code {sessionId}-{first sequence}}: unique in the MPD and the same on every update and every worker
 * @param startMillis Period@start, in milliseconds after the MPD's availabilityStartTime
 * @param presentationTimeOffsetMillis the session's media time that plays at the Period's start (its first GOP's
 *     media start): the same instant in every representation, each converting it to its own timescale
 * @param endMillis where the latest segment of any track ends, in the Period's terms (after availabilityStartTime):
 *     a following Period cannot start earlier
 */
public record PeriodState(String id, String sessionId, long startMillis, long presentationTimeOffsetMillis,
                          long endMillis, List<PeriodTrack> tracks) {

    public PeriodState {
        tracks = List.copyOf(tracks);
        if (startMillis < 0 || presentationTimeOffsetMillis < 0) {
            throw new IllegalArgumentException("period " + id + " starts before the presentation");
        }
    }

    static PeriodState starting(GopSegments gop, long startMillis) {
        return new PeriodState(gop.sessionId() + "-" + gop.sequence(), gop.sessionId(), startMillis,
                gop.mediaStartMillis(), startMillis, List.of());
    }

    /** Milliseconds after availabilityStartTime at which the session's media time {@code mediaMillis} plays. */
    long presentationMillis(long mediaMillis) {
        return startMillis + mediaMillis - presentationTimeOffsetMillis;
    }

    PeriodState append(RenditionSegment s) {
        List<PeriodTrack> next = new ArrayList<>(tracks.size() + 1);
        boolean found = false;
        for (PeriodTrack t : tracks) {
            if (t.rendition().equals(s.rendition())) {
                next.add(t.append(s));
                found = true;
            } else {
                next.add(t);
            }
        }
        if (!found) {
            next.add(PeriodTrack.of(s));
        }
        long end = Math.max(endMillis, presentationMillis(s.endMillis()));
        return new PeriodState(id, sessionId, startMillis, presentationTimeOffsetMillis, end, next);
    }

    /** Whether the rendition's timeline in this Period has the segment named {@code uri}. */
    boolean lists(String rendition, String uri) {
        return tracks.stream().filter(t -> t.rendition().equals(rendition)).flatMap(t -> t.segments().stream())
                .anyMatch(d -> SegmentNames.media(sessionId, d.number()).equals(uri));
    }

    /**
     * This Period with only what the HLS windows still list (the MPD names exactly the segments the playlists do, so
     * retention can delete what neither names); null when nothing is left.
     *
     * @param listed the object names each rendition's window lists
     */
    PeriodState keepListed(Map<String, Set<String>> listed) {
        List<PeriodTrack> kept = new ArrayList<>(tracks.size());
        for (PeriodTrack t : tracks) {
            Set<String> names = listed.getOrDefault(t.rendition(), Set.of());
            Set<Long> numbers = new HashSet<>();
            t.segments().forEach(d -> {
                if (names.contains(SegmentNames.media(sessionId, d.number()))) {
                    numbers.add(d.number());
                }
            });
            PeriodTrack trimmed = t.keepOnly(numbers);
            if (!trimmed.segments().isEmpty()) {
                kept.add(trimmed);
            }
        }
        return kept.isEmpty() ? null
                : new PeriodState(id, sessionId, startMillis, presentationTimeOffsetMillis, endMillis, kept);
    }
}
