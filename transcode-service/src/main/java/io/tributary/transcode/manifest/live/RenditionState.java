package io.tributary.transcode.manifest.live;

import io.tributary.transcode.manifest.SegmentBitrates;
import io.tributary.transcode.manifest.hls.HlsMediaPlaylist;
import io.tributary.transcode.manifest.hls.HlsSegment;
import java.time.Instant;
import java.util.List;

/**
 * One rendition's part of the presentation: its track facts, its HLS media playlist (the live window, which the MPD
 * follows) and the bit rates measured from its segments.
 *
 * @param facts the current track's facts; null only for a playlist recovered from storage without the channel's
 *     state, until the rendition's next segment
 * @param discontinuityPending a boundary passed while the rendition had no segment: its next one carries
 *     EXT-X-DISCONTINUITY, so every rendition's discontinuity sequence stays the same (RFC 8216 §6.2.2)
 */
public record RenditionState(String name, TrackFacts facts, HlsMediaPlaylist playlist, SegmentBitrates bitrates,
                             boolean discontinuityPending) {

    public RenditionState {
        if (name == null || playlist == null || bitrates == null) {
            throw new IllegalArgumentException("a rendition needs a name, a playlist and bit rates");
        }
    }

    /** A rendition before its first segment; the playlist's target duration follows that segment. */
    static RenditionState first(String name, TrackFacts facts, int windowSize) {
        return new RenditionState(name, facts, HlsMediaPlaylist.live(windowSize, 1), SegmentBitrates.none(), false);
    }

    /** A playlist read back from storage, to continue its numbering; the rest is learnt from the next segment. */
    public static RenditionState recovered(String name, HlsMediaPlaylist playlist) {
        return new RenditionState(name, null, playlist, SegmentBitrates.none(), false);
    }

    /** Whether the playlist lists anything: a rendition is in the manifests only then. */
    public boolean listed() {
        return !playlist.segments().isEmpty();
    }

    public boolean isVideo() {
        return facts != null && facts.isVideo();
    }

    /**
     * This rendition with {@code segment} appended. A segment the window already lists is a replay of a packaged
     * GOP (the state was saved a step behind the playlists): the playlist stays as it is, never listing it twice.
     *
     * @param boundary a boundary precedes the segment's GOP
     */
    RenditionState append(RenditionSegment segment, Instant programDateTime, boolean boundary) {
        if (playlist.lists(segment.uri())) {
            return this;
        }
        // the first segment of a (restarted) playlist follows nothing: no discontinuity to mark
        boolean discontinuity = (boundary || discontinuityPending) && listed();
        // the frame rate is measured per GOP; the first measure of a format stays, so the manifests do not flicker
        // between 29.97 and 30 with the timestamps' rounding
        TrackFacts next = facts != null && facts.frameRate() != null
                && segment.facts().initUri().equals(facts.initUri())
                ? segment.facts().withFrameRate(facts.frameRate()) : segment.facts();
        HlsSegment line = new HlsSegment(segment.uri(), segment.mediaDuration(), programDateTime,
                segment.facts().initUri(), discontinuity, segment.independent());
        return new RenditionState(name, next, playlist.append(line),
                bitrates.add(segment.bytes(), segment.mediaDuration()), false);
    }

    /**
     * A rendition made from {@code reference}'s segments of the same GOPs (an ABR rung) with {@code segment} listed
     * like the reference's entry {@code index} of the same GOP: same media sequence number, discontinuity, duration
     * and program date-time, so a player switching between them finds the same numbers and times (RFC 8216 §6.2.2,
     * §6.3.2). The rung's playlist continues when the segment follows its last one, and starts at the reference's
     * numbers otherwise (its first segment, or after a hole: a rung that was dropped and is back in a new session).
     *
     * @param current the rendition as it is, or null before its first segment
     * @return the rendition with the segment, or {@code current} when it is listed already or older than its window
     */
    static RenditionState aligned(RenditionState current, RenditionSegment segment, HlsMediaPlaylist reference,
                                  int index, int windowSize) {
        HlsSegment entry = reference.segments().get(index);
        long number = reference.mediaSequence() + index;
        if (current != null && current.listed() && (current.playlist().lists(segment.uri())
                || number < current.playlist().nextMediaSequence())) {
            return current;
        }
        boolean follows = current != null && current.listed() && !current.playlist().ended()
                && number == current.playlist().nextMediaSequence();
        HlsMediaPlaylist playlist = follows ? current.playlist()
                : new HlsMediaPlaylist(windowSize, number, reference.discontinuitySequenceOf(index),
                        reference.targetDuration(), List.of(), false);
        TrackFacts facts = follows && current.facts() != null && current.facts().frameRate() != null
                && segment.facts().initUri().equals(current.facts().initUri())
                ? segment.facts().withFrameRate(current.facts().frameRate()) : segment.facts();
        HlsSegment line = new HlsSegment(segment.uri(), entry.duration(), entry.programDateTime(),
                segment.facts().initUri(), follows && entry.discontinuity(), segment.independent());
        SegmentBitrates rates = follows ? current.bitrates() : SegmentBitrates.none();
        return new RenditionState(segment.rendition(), facts, playlist.append(line),
                rates.add(segment.bytes(), segment.mediaDuration()), false);
    }

    /** The rendition missed a GOP that followed a boundary: its next segment marks it. */
    RenditionState withDiscontinuityPending() {
        return listed() ? new RenditionState(name, facts, playlist, bitrates, true) : this;
    }

    /** An empty window whose numbering continues this one's, for a new session after an ended one. */
    RenditionState restart() {
        return new RenditionState(name, facts, playlist.successor(), SegmentBitrates.none(), false);
    }

    /** The playlist closed with EXT-X-ENDLIST (an empty one stays as it is: it is not published). */
    RenditionState end() {
        if (playlist.ended() || !listed()) {
            return this;
        }
        return new RenditionState(name, facts, playlist.end(), bitrates, discontinuityPending);
    }
}
