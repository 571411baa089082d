package io.tributary.thumbnail.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where one session stands: the media time its minutes count from, how long one of its minutes is, the last minute
 * that has its picture, and which of its keyframes crashed the decoder. Small enough to save after every picture, so
 * that any instance can carry the session on after a crash or a rebalance with the same minute numbering (see
 * {@link ChannelProgress}).
 *
 * <p>A "minute" is one {@code interval} of media time (60 s by default): minute {@code m} holds the GOPs whose media
 * start is in {@code [origin + m * interval, origin + (m + 1) * interval)}, and its picture is the keyframe of the first
 * of them that decodes. The origin is the media start of the session's first GOP, so minute 0 is the first GOP.
 *
 * <p>A keyframe is decoded in this JVM: one that hits a memory bug in a decoder kills the process before its offset is
 * committed, and would kill every next owner of the partition in turn. So the GOP's sequence number is saved as the
 * {@code attempt} before its keyframe is decoded and cleared after, whatever the outcome; an attempt still set when
 * the progress is loaded by a new process is a render that never finished: {@link #recovered()} moves it to
 * {@code crashed}, and {@link #decodes} says no to it from then on. The sequence number, not the Kafka offset, names
 * the keyframe: the progress is already per session, and the number stays the keyframe's own in another consumer
 * group (a replay), a recreated topic or a record published twice.
 *
 * @param originMillis   media start of the session's first GOP (the tags' own timestamps)
 * @param intervalMillis media time per minute, fixed for the life of the session
 * @param lastMinute     the last minute with a picture, {@link #NONE} before the first
 * @param attempt        sequence number of the GOP whose keyframe is being decoded, {@link #NONE} between decodes
 * @param crashed        sequence numbers of GOPs whose keyframe was being decoded when a process died; at most
 *                       {@link #MAX_CRASHED}
 */
public record SessionProgress(String sessionId, long originMillis, long intervalMillis, long lastMinute, long attempt,
                              List<Long> crashed) {
    /** {@link #lastMinute} of a session without a picture yet; {@link #attempt} between decodes. */
    public static final long NONE = -1;
    /**
     * Keyframes of one session that may crash the decoder before the session gets no more pictures at all. A keyframe
     * that crashes FFmpeg is crafted, not bad luck: a few are an attack, and each costs a process restart. Also keeps
     * the saved document small.
     */
    public static final int MAX_CRASHED = 3;

    public SessionProgress {
        Objects.requireNonNull(sessionId, "sessionId");
        crashed = List.copyOf(crashed);
        if (originMillis < 0 || intervalMillis <= 0 || lastMinute < NONE || attempt < NONE
                || crashed.size() > MAX_CRASHED || crashed.stream().anyMatch(sequence -> sequence < 0)) {
            throw new IllegalArgumentException("session progress needs origin >= 0, interval > 0, lastMinute >= -1, "
                    + "attempt >= -1 and at most " + MAX_CRASHED + " crashed sequence numbers >= 0: " + originMillis + ", "
                    + intervalMillis + ", " + lastMinute + ", " + attempt + ", " + crashed);
        }
    }

    /** Progress without a decode in flight and without crashed keyframes. */
    public SessionProgress(String sessionId, long originMillis, long intervalMillis, long lastMinute) {
        this(sessionId, originMillis, intervalMillis, lastMinute, NONE, List.of());
    }

    /** A session whose first GOP starts at {@code originMillis}, with no picture yet. */
    public static SessionProgress start(String sessionId, long originMillis, Duration interval) {
        return new SessionProgress(sessionId, originMillis, interval.toMillis(), NONE);
    }

    /** The minute a GOP starting at {@code mediaStartMillis} belongs to; negative before the origin. */
    public long minuteOf(long mediaStartMillis) {
        return Math.floorDiv(mediaStartMillis - originMillis, intervalMillis);
    }

    /** Whether a GOP of {@code minute} should be tried: its minute has no picture, and time only moves forward. */
    public boolean wants(long minute) {
        return minute > lastMinute;
    }

    /**
     * Whether the keyframe of GOP {@code sequence} may be decoded: not one that crashed the decoder, and not in a
     * session that already crashed it {@link #MAX_CRASHED} times.
     */
    public boolean decodes(long sequence) {
        return !crashed.contains(sequence) && !gaveUp();
    }

    /** The session crashed the decoder {@link #MAX_CRASHED} times: none of its keyframes is decoded any more. */
    public boolean gaveUp() {
        return crashed.size() >= MAX_CRASHED;
    }

    public SessionProgress withPictureFor(long minute) {
        return new SessionProgress(sessionId, originMillis, intervalMillis, minute, attempt, crashed);
    }

    /** The keyframe of GOP {@code sequence} is about to be decoded ({@link #NONE}: no decode in flight). */
    public SessionProgress withAttempt(long sequence) {
        return new SessionProgress(sessionId, originMillis, intervalMillis, lastMinute, sequence, crashed);
    }

    /**
     * This progress as a new process finds it: an attempt still set is a decode that never finished (the process
     * died in it), and becomes a crashed keyframe.
     */
    public SessionProgress recovered() {
        if (attempt == NONE) {
            return this;
        }
        List<Long> all = new ArrayList<>(crashed);
        if (!all.contains(attempt)) {
            all.add(attempt);
        }
        // more than MAX_CRASHED cannot happen (no decode once gaveUp()), unless the document was edited by hand
        return new SessionProgress(sessionId, originMillis, intervalMillis, lastMinute, NONE,
                all.subList(Math.max(0, all.size() - MAX_CRASHED), all.size()));
    }

    /** A fresh start of this session (its first GOP again: a replay) that still knows its crashed keyframes. */
    public SessionProgress restartedAt(long originMillis, Duration interval) {
        return new SessionProgress(sessionId, originMillis, interval.toMillis(), NONE, NONE, recovered().crashed);
    }
}
