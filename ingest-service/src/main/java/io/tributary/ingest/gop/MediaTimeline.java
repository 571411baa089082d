package io.tributary.ingest.gop;

import io.tributary.media.flv.FlvTag;

/**
 * Turns the publisher's RTMP timestamps (unsigned 32-bit milliseconds, RTMP spec 5.3.1.2.1) into the session's media
 * time: unwrapped across the 2^32 rollover (about 49.7 days after the publisher's clock origin), counted from the
 * session's first media timestamp, and never going backwards on a track.
 *
 * <p>Rebasing on the first timestamp makes a publisher that starts near the wrap point (restreamers forward their
 * source's clock) harmless, and keeps media time within the 32-bit FLV timestamp of a GOP record for 49.7 days of one
 * session; after that {@link #toMediaTime} reports {@link #OUT_OF_RANGE}. A timestamp that goes back on its track
 * (encoder hiccup, reconnecting relay) is held at the track's last one: the GOP assembler needs monotonic input, and a
 * player would stall on a jump back anyway. Audio and video have separate clocks here because encoders interleave
 * them with small offsets; one track's order says nothing about the other's.
 *
 * <p>Pure and single-threaded, like the session that owns it.
 */
public final class MediaTimeline {

    /** The result for a timestamp past what one session can carry in an FLV tag. */
    public static final long OUT_OF_RANGE = -1;

    private static final long WRAP = 1L << 32;
    /** A step back by more than half the range is a wrap forward (serial number arithmetic, RFC 1982). */
    private static final long HALF = 1L << 31;

    /** The unwrapped timestamp of the session's first media message, or -1 before it. */
    private long base = -1;
    private final Track audio = new Track();
    private final Track video = new Track();

    /** The media time of a video message's timestamp, or {@link #OUT_OF_RANGE}. */
    public long video(long rtmpTimestamp) {
        return toMediaTime(video, rtmpTimestamp);
    }

    /** The media time of an audio message's timestamp, or {@link #OUT_OF_RANGE}. */
    public long audio(long rtmpTimestamp) {
        return toMediaTime(audio, rtmpTimestamp);
    }

    /**
     * The media time of a data message (metadata), which belongs to no track: unwrapped against the video track,
     * not made monotonic, and never before 0.
     */
    public long data(long rtmpTimestamp) {
        long unwrapped = video.unwrap(rtmpTimestamp & 0xFFFF_FFFFL, false);
        return base < 0 ? 0 : Math.max(0, Math.min(FlvTag.MAX_TIMESTAMP, unwrapped - base));
    }

    private long toMediaTime(Track track, long rtmpTimestamp) {
        long unwrapped = track.unwrap(rtmpTimestamp & 0xFFFF_FFFFL, true);
        if (base < 0) {
            base = unwrapped;
        }
        long media = Math.max(0, unwrapped - base);
        if (media < track.lastMedia) {
            media = track.lastMedia;
        }
        if (media > FlvTag.MAX_TIMESTAMP) {
            return OUT_OF_RANGE;
        }
        track.lastMedia = media;
        return media;
    }

    /** One track's wrap counter. */
    private static final class Track {
        private long lastWire = -1;
        private long epoch;
        private long lastMedia;

        /** The 64-bit timestamp of a 32-bit one, counting wraps when {@code advance}. */
        long unwrap(long wire, boolean advance) {
            long epochNow = epoch;
            if (lastWire >= 0) {
                if (wire < lastWire && lastWire - wire > HALF) {
                    epochNow += WRAP; // 0xFFFFFF00 then 0x00000010: forward across the wrap
                } else if (wire > lastWire && wire - lastWire > HALF && epochNow >= WRAP) {
                    epochNow -= WRAP; // a straggler from before the wrap
                }
            }
            if (advance) {
                if (epochNow >= epoch) {
                    epoch = epochNow;
                    lastWire = wire;
                }
            }
            return epochNow + wire;
        }
    }
}
