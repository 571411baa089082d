package io.tributary.transcode.consume;

import io.tributary.media.gop.GopMetadata;
import io.tributary.transcode.manifest.live.Boundary;
import io.tributary.transcode.metrics.TranscodeMetrics;

/**
 * Decides what a record means for a channel: the next GOP of its session, a replay to skip, or the start of a
 * session. The rules keep playlists free of gaps and duplicates under at-least-once delivery:
 * <ul>
 *   <li>a record at or before the last one handled in its session is a replay (a restart or a rebalance resumes from
 *       the last committed offset): skipped, so nothing is listed twice and no deleted segment is written again;</li>
 *   <li>a record of a session seen before, or closed at ingest before the current session began, is a replay of an
 *       older session (a new consumer group reading from the start): skipped;</li>
 *   <li>a missing sequence number (a record that could not be read) or media time that does not follow
 *       ({@link #TIMESTAMP_TOLERANCE_MILLIS}) is a timestamp break;</li>
 *   <li>a new session continues the playlists with a discontinuity if the previous one never ended (its last record
 *       never came), and starts them over if it did.</li>
 * </ul>
 */
final class SessionRules {
    /**
     * Records tile the media timeline exactly (each starts where the previous one's declared duration ends); half a
     * second of slack absorbs an ingest that rounds differently, while a real jump (a publisher's clock reset) is
     * seconds or more.
     */
    static final long TIMESTAMP_TOLERANCE_MILLIS = 500;

    private SessionRules() {
    }

    static Admission admit(ChannelState state, GopMetadata gop) {
        if (state.sessionId() == null) {
            return Admission.take(Boundary.FRESH_START, "first session of the channel here");
        }
        if (gop.sessionId().equals(state.sessionId())) {
            if (gop.sequence() <= state.lastSequence()) {
                return Admission.skip(TranscodeMetrics.REPLAYED, "already packaged (last " + state.lastSequence() + ")");
            }
            if (state.sessionEnded()) {
                return Admission.skip(TranscodeMetrics.ENDED, "after the session's last record");
            }
            if (gop.sequence() != state.lastSequence() + 1) {
                return Admission.take(Boundary.TIMESTAMP_BREAK, "records " + (state.lastSequence() + 1) + " to "
                        + (gop.sequence() - 1) + " missing");
            }
            long drift = gop.mediaStartMillis() - state.lastMediaEndMillis();
            if (Math.abs(drift) > TIMESTAMP_TOLERANCE_MILLIS) {
                return Admission.take(Boundary.TIMESTAMP_BREAK, "media time jumps by " + drift + " ms");
            }
            return Admission.take(Boundary.NONE, "next GOP");
        }
        if (state.recentSessions().contains(gop.sessionId())
                || gop.closedAtEpochMillis() < state.sessionFirstClosedAtMillis()) {
            return Admission.skip(TranscodeMetrics.REPLAYED, "a record of an earlier session");
        }
        return state.sessionEnded()
                ? Admission.take(Boundary.FRESH_START, "new session after " + state.sessionId() + " ended")
                : Admission.take(Boundary.NEW_SESSION, "new session while " + state.sessionId() + " never ended");
    }
}
