package io.tributary.transcode.manifest.live;

import java.time.Instant;
import java.util.List;

/**
 * What one GOP record adds to the channel's presentation: a segment per rendition it has media for.
 *
 * @param mediaStartMillis the record's media start (its session's media time): where its segments begin
 * @param wallClockStart when the GOP began, as ingest saw it (closed-at minus duration): it anchors the presentation's
 *     wall clock when the GOP starts a presentation or follows a new session, so the same records always give the
 *     same EXT-X-PROGRAM-DATE-TIME and Period@start
 * @param last the session's last record: the playlists end
 */
public record GopSegments(String sessionId, long sequence, long mediaStartMillis, Instant wallClockStart,
                          Boundary boundary, boolean last, List<RenditionSegment> segments) {

    public GopSegments {
        segments = List.copyOf(segments);
        if (sessionId == null || wallClockStart == null || boundary == null) {
            throw new IllegalArgumentException("a GOP needs a session, a wall-clock start and a boundary");
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a GOP without segments changes no manifest");
        }
    }
}
