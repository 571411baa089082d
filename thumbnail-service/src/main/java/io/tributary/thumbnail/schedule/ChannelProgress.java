package io.tributary.thumbnail.schedule;

import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopMetadata;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The progress of the live session of each channel of one partition, kept in memory and saved to a
 * {@link ProgressStore} whenever it changes, so that it is rebuilt after a crash or a rebalance without reading the
 * partition again.
 *
 * <p>When a session is met mid-way (this instance did not see its first GOP: a restart, a rebalance), its progress is
 * loaded once, on its first record here. Without saved progress (the first GOP was never handled, e.g. it aged out of
 * the topic) minutes count from the first GOP seen, and this is logged.
 *
 * <p>Confined to the partition's lane: calls never overlap, so there is no locking.
 */
public final class ChannelProgress {
    private static final Logger LOG = Logger.getLogger(ChannelProgress.class);

    private final ProgressStore store;
    private final Duration interval;
    private final Map<String, SessionProgress> live = new HashMap<>();

    /** @param interval the minute length of sessions that start from now on; a session keeps the one it started with */
    public ChannelProgress(ProgressStore store, Duration interval) {
        if (interval.toMillis() <= 0) {
            throw new IllegalArgumentException("interval must be at least 1 ms: " + interval);
        }
        this.store = store;
        this.interval = interval;
    }

    /**
     * The progress of the session of {@code gop} on {@code channel}: the one in memory, else the saved one, else a new
     * one (saved before it is returned). A session's first GOP always starts it afresh, so that replaying a session
     * from its start rewrites every picture; but the keyframes that crashed the decoder are kept (read from the saved
     * progress: one read per session start), or a first GOP whose keyframe crashed would be decoded again and again.
     * Progress read from storage is {@linkplain SessionProgress#recovered() recovered}: a decode it shows in flight
     * was one whose process died.
     */
    public SessionProgress of(String channel, GopMetadata gop) {
        SessionProgress known = live.get(channel);
        if (known != null && known.sessionId().equals(gop.sessionId()) && !gop.has(GopFlag.FIRST)) {
            return known;
        }
        Optional<SessionProgress> saved = store.load(channel, gop.sessionId()).map(SessionProgress::recovered);
        saved.ifPresent(p -> warnIfCrashed(channel, p));
        SessionProgress progress;
        if (gop.has(GopFlag.FIRST)) {
            progress = saved.map(p -> p.restartedAt(gop.mediaStartMillis(), interval))
                    .orElseGet(() -> SessionProgress.start(gop.sessionId(), gop.mediaStartMillis(), interval));
            store.save(channel, progress);
        } else if (saved.isPresent()) {
            progress = saved.get();
        } else {
            LOG.infof("channel %s session %s: no saved progress, joined at seq %d; minutes count from there",
                    channel, gop.sessionId(), gop.sequence());
            progress = SessionProgress.start(gop.sessionId(), gop.mediaStartMillis(), interval);
            store.save(channel, progress);
        }
        live.put(channel, progress);
        return progress;
    }

    private static void warnIfCrashed(String channel, SessionProgress progress) {
        if (progress.gaveUp()) {
            LOG.warnf("channel %s session %s: keyframes %s crashed the decoder; no more pictures for this session",
                    channel, progress.sessionId(), progress.crashed());
        } else if (!progress.crashed().isEmpty()) {
            LOG.warnf("channel %s session %s: keyframes %s crashed the decoder; they will not be decoded again",
                    channel, progress.sessionId(), progress.crashed());
        }
    }

    /**
     * The keyframe of GOP {@code sequence} is about to be decoded: saved before the decoder starts, so that a process
     * that dies in it leaves the mark for the next one (see {@link SessionProgress}).
     */
    public SessionProgress attempting(String channel, SessionProgress progress, long sequence) {
        return saveThenKeep(channel, progress.withAttempt(sequence));
    }

    /**
     * The decode started by {@link #attempting} returned, whatever its outcome. Memory is cleared before storage: if
     * the save fails the record is handed again, and this process, which saw the decode finish, must not take its own
     * mark for a crash.
     */
    public SessionProgress attemptFinished(String channel, SessionProgress progress) {
        SessionProgress next = progress.withAttempt(SessionProgress.NONE);
        live.put(channel, next);
        store.save(channel, next);
        return next;
    }

    /** Records a picture for {@code minute}: saved first, so that what is in memory is never ahead of storage. */
    public SessionProgress pictureDone(String channel, SessionProgress progress, long minute) {
        return saveThenKeep(channel, progress.withPictureFor(minute));
    }

    private SessionProgress saveThenKeep(String channel, SessionProgress next) {
        store.save(channel, next);
        live.put(channel, next);
        return next;
    }

    /** The session's last record was handled: forget it (its saved progress stays for replays). */
    public void ended(String channel, String sessionId) {
        SessionProgress known = live.get(channel);
        if (known != null && known.sessionId().equals(sessionId)) {
            live.remove(channel);
        }
    }

    /** Channels with a live session in memory. */
    public int size() {
        return live.size();
    }
}
