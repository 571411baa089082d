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
    /** The position of the next keyframe at or after {@link #position}; -1 before it is first looked for. */
    private long keyframePosition = -1;

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
        return mediaMillisAt(position);
    }

    long dueNanos() {
        return dueNanosAt(position);
    }

    /**
     * When the next keyframe (the current tag, or one after it) is due: the scheduler wakes for it rather than at its
     * next tick, as an encoder sends a keyframe when it has it, since the keyframe closes the GOP before it and the
     * latencies the bench measures start there.
     */
    long nextKeyframeDueNanos() {
        if (keyframePosition < position) {
            long p = position;
            while (!media.get(indexAt(p)).keyframe()) {
                p++;
            }
            keyframePosition = p;
        }
        return dueNanosAt(keyframePosition);
    }

    private long mediaMillisAt(long at) {
        long pass = (startIndex + at) / media.size();
        // audio interleaved right after the start keyframe may be a few ms older than it: clamp to 0
        return Math.max(0, pass * loopMillis + media.get(indexAt(at)).timestamp() - startClipMillis);
    }

    private long dueNanosAt(long at) {
        return originNanos + (long) (mediaMillisAt(at) * 1_000_000L / speed);
    }

    void advance() {
        position++;
    }

    /** Tags handed out so far. */
    long position() {
        return position;
    }

    private int index() {
        return indexAt(position);
    }

    private int indexAt(long at) {
        return (int) ((startIndex + at) % media.size());
    }
}
