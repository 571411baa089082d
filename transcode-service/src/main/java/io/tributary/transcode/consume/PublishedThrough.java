package io.tributary.transcode.consume;

import io.tributary.media.gop.GopMetadata;
import io.tributary.media.storage.ObjectKeys;
import io.tributary.transcode.manifest.hls.HlsMediaPlaylist;
import io.tributary.transcode.manifest.hls.HlsSegment;
import io.tributary.transcode.manifest.live.SegmentNames;
import java.util.List;
import java.util.Optional;

/**
 * The last record whose segment the stored source playlist lists (the audio playlist of an audio-only channel), read
 * when a worker takes a channel over ({@link ChannelStateLoader}): its state object may be a few records behind
 * ({@link StateSaving}), and the records it replays up to this one were listed by the previous owner already. Storing
 * their manifests again would set the playlists back, so they only advance the state in memory
 * ({@link TakeoverReplay}).
 *
 * <p>Records come in offset order, which is the order the previous owner listed them in: every record replayed before
 * this one is listed already, whatever its session (a publisher may have started one or more sessions after the last
 * save), and the first record past it is new. {@link TakeoverReplay} also stops covering after as many records as
 * could be unsaved, in case this record never comes again.
 *
 * @param sessionId the session of the segment ({@code {sessionId}-{sequence}.m4s}, {@link SegmentNames#media})
 * @param sequence its record's sequence number
 */
record PublishedThrough(String sessionId, long sequence) {
    /**
     * From the last segment a media playlist lists; empty for an empty playlist, or a name not ours or of a session id
     * no session has.
     */
    static Optional<PublishedThrough> of(HlsMediaPlaylist playlist) {
        List<HlsSegment> segments = playlist.segments();
        return segments.isEmpty() ? Optional.empty()
                : SegmentNames.readMedia(segments.get(segments.size() - 1).uri())
                        .filter(name -> ObjectKeys.isValidSessionId(name.sessionId()))
                        .map(name -> new PublishedThrough(name.sessionId(), name.sequence()));
    }

    /**
     * Set against the state object loaded with it: present only if the playlists are ahead of the state, the case where
     * the records replayed must not be stored again. The playlists are never behind the state (it is saved after
     * them), so a session the state does not know (neither its own nor a recent one) is a later one.
     */
    Optional<PublishedThrough> aheadOf(ChannelState state) {
        if (sessionId.equals(state.sessionId())) {
            return sequence > state.lastSequence() ? Optional.of(this) : Optional.empty();
        }
        if (state.recentSessions().contains(sessionId)) {
            return Optional.empty(); // an older session's segment: the state is past it
        }
        return Optional.of(this);
    }

    /**
     * The record (one the state admits: after the state's last) is listed already, this one not reached yet: of this
     * session at or before it, or of any other session (replayed before it, so earlier).
     */
    boolean covers(GopMetadata gop) {
        return !gop.sessionId().equals(sessionId) || gop.sequence() <= sequence;
    }

    /** The last record listed: its events may not have been sent (its owner stopped between manifests and events). */
    boolean isLast(GopMetadata gop) {
        return gop.sessionId().equals(sessionId) && gop.sequence() == sequence;
    }
}
