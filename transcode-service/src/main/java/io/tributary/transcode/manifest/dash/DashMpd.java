package io.tributary.transcode.manifest.dash;

import java.time.Instant;
import java.util.List;

/**
 * The MPD of one channel (ISO/IEC 23009-1 §5.3.1): dynamic while the session is live, static once it has ended.
 *
 * <p>Live, players compute which segments exist from availabilityStartTime, Period@start and the SegmentTimeline,
 * re-fetch the MPD every minimumUpdatePeriod, and align their clocks through UTCTiming. Ended, the MPD becomes
 * static, lists the segments still stored (the last window), and gets a mediaPresentationDuration; its timeline is
 * re-based to start at zero ({@link StaticTimeline}).
 *
 * @param availabilityStartTime the wall-clock time of presentation time zero: the first session's first segment
 * @param publishTime when this version of the MPD was generated (§5.3.1.2: must increase across updates)
 * @param periods oldest first; each representation lists the segments of the window
 * @param ended the session is over: write a static MPD
 */
public record DashMpd(Instant availabilityStartTime, Instant publishTime, DashLiveTiming timing,
                      DashUtcTiming utcTiming, List<DashPeriod> periods, boolean ended) {
    /** The live profile (SegmentTemplate addressing, ISO/IEC 23009-1 §8.4) and the CMAF profile of DASH. */
    public static final String PROFILES = "urn:mpeg:dash:profile:isoff-live:2011,urn:mpeg:dash:profile:cmaf:2019";

    public DashMpd {
        periods = List.copyOf(periods);
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("an MPD needs at least one period");
        }
        if (availabilityStartTime == null || publishTime == null || timing == null || utcTiming == null) {
            throw new IllegalArgumentException("availabilityStartTime, publishTime, timing and utcTiming are required");
        }
    }

    public static DashMpd live(Instant availabilityStartTime, Instant publishTime, DashLiveTiming timing,
                               DashUtcTiming utcTiming, List<DashPeriod> periods) {
        return new DashMpd(availabilityStartTime, publishTime, timing, utcTiming, periods, false);
    }

    /** The static MPD of the ended session, published at {@code publishTime}. */
    public DashMpd end(Instant publishTime) {
        return new DashMpd(availabilityStartTime, publishTime, timing, utcTiming, periods, true);
    }

    public String render() {
        return MpdXmlWriter.write(this);
    }
}
