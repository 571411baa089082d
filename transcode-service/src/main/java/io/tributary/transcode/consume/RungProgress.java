package io.tributary.transcode.consume;

import java.util.List;

/**
 * How far the ABR ladder's rungs of the channel's current session are stored, part of the channel's state object:
 * a worker that takes the channel over sends the records after {@code sequence} to the ladder again (the source
 * skips them as replays), and keeps the rungs dropped before the crash out of the manifests.
 *
 * @param sessionId the session these facts are about; null before any ladder result
 * @param sequence the last record of that session whose rungs are stored (or were dropped); -1 before any
 * @param dropped rungs dropped in that session: never listed again in it
 * @param allDropped every rung is dropped for the rest of the session
 */
public record RungProgress(String sessionId, long sequence, List<String> dropped, boolean allDropped) {
    static final RungProgress NONE = new RungProgress(null, -1, List.of(), false);

    public RungProgress {
        dropped = dropped == null ? List.of() : List.copyOf(dropped);
    }

    /** The last record of {@code session} whose rungs are done; -1 for any other session. */
    long sequenceIn(String session) {
        return session != null && session.equals(sessionId) ? sequence : -1;
    }

    /** Whether the manifests of {@code session} may list the rung. */
    boolean listable(String session, String rendition) {
        return !session.equals(sessionId) || !(allDropped || dropped.contains(rendition));
    }

    /** Whether every rung of {@code session} is dropped: nothing to encode. */
    boolean allDroppedIn(String session) {
        return session.equals(sessionId) && allDropped;
    }
}
