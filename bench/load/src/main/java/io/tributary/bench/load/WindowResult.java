package io.tributary.bench.load;

import java.util.Map;

/**
 * What one measured window showed.
 *
 * @param latencyByRendition GOP close at ingest to playlist update, per rendition, from segment-published
 * @param glassToGlass       estimate for a player at hls.js's default live sync point (README.md, method)
 * @param cpuSeconds         CPU of each role's process tree in the window
 * @param cpuPerStreamMinute the same divided by stream-minutes
 * @param marginalPerStreamMinute the same after subtracting the role's idle rate (measured before any publisher)
 * @param addedRssMbPerStream (peak resident set in the window − idle resident set) / streams, per role
 * @param stealShare         the share of the machine's CPU time its hypervisor took in the window
 * @param fileWriteMbPerStreamMinute MB each role wrote to files in the window per stream-minute ({@link FileWriteCost})
 */
record WindowResult(int streams, double seconds, long fromEpochMillis, long toEpochMillis,
                    Map<String, Percentiles> latencyByRendition, Map<String, Integer> segmentsByRendition,
                    double segmentsExpectedPerRendition, Percentiles glassToGlass,
                    Map<String, Double> cpuSeconds, Map<String, Double> cpuPerStreamMinute,
                    Map<String, Double> marginalPerStreamMinute, Map<String, Long> idleRssKb,
                    Map<String, Long> peakRssKb, Map<String, Double> addedRssMbPerStream,
                    long schedulerLatenessP50Millis, long schedulerLatenessP99Millis, long schedulerLatenessMaxMillis,
                    int publishersFailed, int publishersBehind, long maxOutboxBytes, int abnormalStops,
                    String loadAverage, double stealShare, Map<String, Double> fileWriteMbPerStreamMinute) {

    static final String ALL = "all";
    static final String INGEST_AND_PACKAGING = "ingest+transcode";
    static final String WHOLE_STACK = "stack";
}
