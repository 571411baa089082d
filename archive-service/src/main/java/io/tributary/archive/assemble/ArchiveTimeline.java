package io.tributary.archive.assemble;

/**
 * How a session's FLV milliseconds map onto the archive's track timelines, fixed by its first piece so that every
 * fragment, written by any instance at any time, lands at the same place.
 *
 * <ul>
 *   <li>{@code originMillis}, the earliest presentation time of the first piece (video or audio), is time zero of
 *       the archive: it starts where the stream did, and audio and video keep their distance.</li>
 *   <li>Video decode times count from {@code videoDecodeZeroMillis}, which is at most the first frame's decode time
 *       (a decode time is never negative) and at most the origin. Composition offsets stay the source's (B-frames
 *       make the first frame's positive), and the video track's edit list (ISO/IEC 14496-12 §8.6.6) starts its
 *       presentation {@link #videoEditMediaTicks} in, so every frame is shown at its source time minus the origin.
 *       ffmpeg's demuxer moves presentation times of negative offsets (trun version 1) later instead, so the edit
 *       list is what keeps lips and voices together.</li>
 * </ul>
 *
 * @param firstFrameOffsetMillis the composition offset of the session's first video frame (the encoder's B-frame
 *                               delay), which puts the end of the video's presentation after the end of its decoding
 */
public record ArchiveTimeline(long originMillis, long videoDecodeZeroMillis, int firstFrameOffsetMillis) {
    private static final int VIDEO_TICKS_PER_MILLI = ArchiveTracks.VIDEO_TIMESCALE / 1000;

    public ArchiveTimeline {
        if (videoDecodeZeroMillis > originMillis) {
            throw new IllegalArgumentException("video decode time zero " + videoDecodeZeroMillis
                    + " is after the origin " + originMillis);
        }
    }

    /** The video decode time of a frame, in {@link ArchiveTracks#VIDEO_TIMESCALE} ticks. */
    long videoDecodeTicks(long dtsMillis) {
        return (dtsMillis - videoDecodeZeroMillis) * VIDEO_TICKS_PER_MILLI;
    }

    /** The composition offset of a frame in ticks. */
    static int videoCompositionTicks(int compositionMillis) {
        return compositionMillis * VIDEO_TICKS_PER_MILLI;
    }

    /** Where the video track's presentation starts in its media timeline ({@code elst} media_time), in ticks. */
    long videoEditMediaTicks() {
        return (originMillis - videoDecodeZeroMillis) * VIDEO_TICKS_PER_MILLI;
    }

    /** Where video whose decoding ends at {@code decodeTicks} ends being shown, in milliseconds of the archive. */
    long videoPresentationEndMillis(long decodeTicks) {
        return decodeTicks / VIDEO_TICKS_PER_MILLI + videoDecodeZeroMillis + firstFrameOffsetMillis - originMillis;
    }

    /** The decode time of an audio frame in ticks of {@code timescale}, rounded to the nearest tick. */
    long audioDecodeTicks(long dtsMillis, int timescale) {
        return Math.floorDiv((dtsMillis - originMillis) * timescale + 500, 1000);
    }
}
