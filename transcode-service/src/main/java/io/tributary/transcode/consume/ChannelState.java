package io.tributary.transcode.consume;

import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopMetadata;
import io.tributary.transcode.manifest.live.Boundary;
import io.tributary.transcode.manifest.live.LivePresentation;
import io.tributary.transcode.store.RetiringObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a worker needs to continue a channel where the last one stopped, saved as the channel's state object
 * ({@code state/transcode/{channel}.json}: after each record with the ladder on, every few records with it off,
 * {@link StateSaving}) and read back by a worker that takes the channel over.
 *
 * <p>It is saved last, after the segments, the manifests and the events: it is never ahead of the stored manifests.
 * If a worker dies between the manifests and the state, its successor finds the state behind, packages those records
 * again in memory, and stores nothing the source playlist lists already ({@link PublishedThrough}); what it does store
 * is the same objects: segment keys, playlists and program date-times are functions of the records, and a playlist
 * that already lists a segment does not list it twice.
 *
 * @param sessionId the session of the last record handled; null before any
 * @param lastSequence that record's sequence number: a record at or before it is a replay
 * @param lastMediaEndMillis its media start plus duration: where the session's next record starts
 * @param sessionFirstClosedAtMillis when the session's first record handled here closed at ingest: a record of an
 *     unknown session closed before it belongs to an older session (a replay from further back)
 * @param sessionEnded the session's last record came
 * @param recentSessions the sessions before this one, oldest first, at most {@link #RECENT_SESSIONS}: their records
 *     are replays
 * @param pendingBoundary a boundary that came with a record without media, for the next record with media
 * @param presentation the manifests' state
 * @param retiring segments out of every manifest, waiting for deletion
 * @param rungs how far the ladder's rungs are stored ({@link RungProgress#NONE} in a state written before the ladder
 *     was wired, or with the ladder off)
 * @param saveEvery the {@code save-every} of the worker that saved it ({@link StateSaving#saveEvery}; the larger
 *     bound of its own takeover replay while that ran, {@link TakeoverReplay#cadenceToStore}): how many records the
 *     playlists may list past it, which bounds a successor's {@link TakeoverReplay}; null in a state never saved, or
 *     written by a version that did not store it
 */
public record ChannelState(int schemaVersion, String sessionId, long lastSequence, long lastMediaEndMillis,
                           long sessionFirstClosedAtMillis, boolean sessionEnded, List<String> recentSessions,
                           Boundary pendingBoundary, LivePresentation presentation, List<RetiringObject> retiring,
                           RungProgress rungs, Integer saveEvery) {
    public static final int SCHEMA_VERSION = 1;
    /** Enough to recognize a replay from any point of the stream-gops retention (a day) for a normal channel. */
    static final int RECENT_SESSIONS = 32;

    public ChannelState {
        recentSessions = List.copyOf(recentSessions);
        retiring = List.copyOf(retiring);
        rungs = rungs == null ? RungProgress.NONE : rungs;
        if (pendingBoundary == null || presentation == null) {
            throw new IllegalArgumentException("a channel state needs a pending boundary and a presentation");
        }
        if (saveEvery != null && (saveEvery < 1 || saveEvery > StateSaving.MAX_SAVE_EVERY)) {
            throw new IllegalArgumentException("a state is saved every 1 to " + StateSaving.MAX_SAVE_EVERY
                    + " records: " + saveEvery);
        }
    }

    /** A channel never seen. */
    public static ChannelState empty() {
        return new ChannelState(SCHEMA_VERSION, null, -1, 0, 0, false, List.of(), Boundary.NONE,
                LivePresentation.empty(), List.of(), RungProgress.NONE, null);
    }

    /** A channel whose state object is lost but whose playlists were read back: the next record starts afresh. */
    public static ChannelState recovered(LivePresentation presentation) {
        return new ChannelState(SCHEMA_VERSION, null, -1, 0, 0, true, List.of(), Boundary.NONE, presentation,
                List.of(), RungProgress.NONE, null);
    }

    /** The state after {@code gop} was handled. */
    ChannelState after(GopMetadata gop, Boundary pending, LivePresentation presentation, List<RetiringObject> retiring) {
        boolean sameSession = gop.sessionId().equals(sessionId);
        List<String> recent = recentSessions;
        if (!sameSession && sessionId != null) {
            List<String> more = new ArrayList<>(recentSessions);
            more.add(sessionId);
            recent = more.subList(Math.max(0, more.size() - RECENT_SESSIONS), more.size());
        }
        return new ChannelState(SCHEMA_VERSION, gop.sessionId(), gop.sequence(),
                gop.mediaStartMillis() + gop.mediaDurationMillis(),
                sameSession ? sessionFirstClosedAtMillis : gop.closedAtEpochMillis(), gop.has(GopFlag.LAST), recent,
                pending, presentation, retiring, rungs, saveEvery);
    }

    /** The state after the ladder's rungs of a record were stored (or dropped). */
    ChannelState withRungs(LivePresentation presentation, RungProgress progress, List<RetiringObject> retiring) {
        return new ChannelState(schemaVersion, sessionId, lastSequence, lastMediaEndMillis, sessionFirstClosedAtMillis,
                sessionEnded, recentSessions, pendingBoundary, presentation, retiring, progress, saveEvery);
    }

    /** This state as a worker saving every {@code records} records stores it. */
    ChannelState savedEvery(int records) {
        return new ChannelState(schemaVersion, sessionId, lastSequence, lastMediaEndMillis, sessionFirstClosedAtMillis,
                sessionEnded, recentSessions, pendingBoundary, presentation, retiring, rungs, records);
    }

    /**
     * How many records the stored playlists may list past this state, as loaded: the {@code save-every} of the worker
     * that saved it, or {@code ours} when it does not say (written by an older version), whichever is larger. Not the
     * stored value alone: the playlists past a state object may have been written by a later owner that took the
     * channel over and stopped before its own first save (a chain of takeovers in a rolling restart), at its own
     * cadence; within a fleet of one configuration that cadence is ours. A fleet whose cadences differ can still
     * be a record or two short of a worker with a longer one (the replay then stores those records' manifests again).
     */
    int maxListedPast(int ours) {
        return saveEvery == null ? ours : Math.max(saveEvery, ours);
    }
}
