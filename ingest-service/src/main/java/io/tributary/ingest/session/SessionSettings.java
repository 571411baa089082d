package io.tributary.ingest.session;

import io.tributary.ingest.gop.SessionGops;

/**
 * The session layer's limits and timings, from {@code tributary.ingest.*} (see {@code IngestConfig} for why each
 * has its default).
 *
 * @param publishTimeoutMillis      from accept (or from an unpublish) to the next publish
 * @param idleTimeoutMillis         no media for this long ends a live session with {@code timeout}
 * @param maxBitrateKbps            the cap when auth-service gives none
 * @param bitrateWindowMillis       the bitrate meter's window
 * @param inflightBudgetBytes       unacknowledged Kafka bytes per publisher before its socket is paused
 * @param backpressureTimeoutMillis how long a publisher may stay paused before its session ends with {@code error}
 * @param chunkSize                 our outgoing chunk size, announced after connect
 * @param acknowledgementWindow     the Window Acknowledgement Size and peer bandwidth we announce
 * @param gop                       how media is cut into records
 */
public record SessionSettings(long publishTimeoutMillis, long idleTimeoutMillis, int maxBitrateKbps,
                              long bitrateWindowMillis, long inflightBudgetBytes, long backpressureTimeoutMillis,
                              int chunkSize, long acknowledgementWindow, SessionGops.Settings gop) {

    /** A session averaging more than this multiple of its cap over a window is ended: encoders overshoot a bit. */
    public static final double BITRATE_TOLERANCE = 1.5;
}
