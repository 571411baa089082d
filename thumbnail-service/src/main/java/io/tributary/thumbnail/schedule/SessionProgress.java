package io.tributary.thumbnail.schedule;

import java.time.Duration;
import java.util.Objects;

/**
 * Where one session stands: the media time its minutes count from, how long one of its minutes is, and the last
 * minute that has its picture. Small enough to save after every picture, so that any instance can carry the session
 * on after a crash or a rebalance with the same minute numbering (see {@link ChannelProgress}).
 *
 * <p>A "minute" is one {@code interval} of media time (60 s by default): minute {@code m} holds the GOPs whose media
 * start is in {@code [origin + m * interval, origin + (m + 1) * interval)}, and its picture is the keyframe of the first
 * of them that decodes. The origin is the media start of the session's first GOP, so minute 0 is the first GOP.
 *
 * @param originMillis   media start of the session's first GOP (the tags' own timestamps)
 * @param intervalMillis media time per minute, fixed for the life of the session
 * @param lastMinute     the last minute with a picture, {@link #NONE} before the first
 */
public record SessionProgress(String sessionId, long originMillis, long intervalMillis, long lastMinute) {
    /** {@link #lastMinute} of a session without a picture yet. */
    public static final long NONE = -1;

    public SessionProgress {
        Objects.requireNonNull(sessionId, "sessionId");
        if (originMillis < 0 || intervalMillis <= 0 || lastMinute < NONE) {
            throw new IllegalArgumentException("session progress needs origin >= 0, interval > 0 and lastMinute >= -1: "
                    + originMillis + ", " + intervalMillis + ", " + lastMinute);
        }
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

    public SessionProgress withPictureFor(long minute) {
        return new SessionProgress(sessionId, originMillis, intervalMillis, minute);
    }
}
