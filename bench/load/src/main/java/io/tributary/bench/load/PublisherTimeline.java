package io.tributary.bench.load;

import java.util.List;

/**
 * When each tag of a looping clip is due, for one publisher: the clip is played from a keyframe at
 * {@code startIndex}, wraps around without end, and its timestamps go on across the wrap (pass k adds
 * k × {@link SourceClip#loopMillis()}), so the ingest sees one continuous stream. At {@code speed} 2 a second of
 * media is sent every half second.
 */
final class PublisherTimeline {

    private final List<ClipTag> media;
    private final long loopMillis;
    private final int startIndex;
    private final long startClipMillis;
    private final double speed;
    private long position;
    private long originNanos;

    PublisherTimeline(SourceClip clip, int startIndex, double speed) {
        if (speed <= 0) {
            throw new IllegalArgumentException("speed must be positive: " + speed);
        }
        this.media = clip.media();
        this.loopMillis = clip.loopMillis();
        this.startIndex = startIndex;
        this.startClipMillis = media.get(startIndex).timestamp();
        this.speed = speed;
    }

    /** Media time 0 is due now. */
    void begin(long nowNanos) {
        originNanos = nowNanos;
    }

    ClipTag tag() {
        return media.get(index());
    }

    /** The current tag's timestamp on the wire: milliseconds since the first tag, never negative. */
    long mediaMillis() {
        long pass = (startIndex + position) / media.size();
        // audio interleaved right after the start keyframe may be a few ms older than it: clamp to 0
        return Math.max(0, pass * loopMillis + tag().timestamp() - startClipMillis);
    }

    long dueNanos() {
        return originNanos + (long) (mediaMillis() * 1_000_000L / speed);
    }

    void advance() {
        position++;
    }

    /** Tags handed out so far. */
    long position() {
        return position;
    }

    private int index() {
        return (int) ((startIndex + position) % media.size());
    }
}
