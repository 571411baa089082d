package io.tributary.ingest.connection;

import io.tributary.ingest.metrics.IngestMetrics;
import io.tributary.ingest.rtmp.RtmpLimits;
import io.tributary.ingest.session.SessionServices;
import io.vertx.core.Vertx;

/**
 * What every connection of the instance shares: the protocol limits, the handshake deadline, admission, metrics and
 * the session layer's services.
 */
record ConnectionServices(Vertx vertx, RtmpLimits limits, long handshakeTimeoutMillis, ConnectionLimiter limiter,
                          IngestMetrics metrics, SessionServices sessions) {
}
