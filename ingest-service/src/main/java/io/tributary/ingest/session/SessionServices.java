package io.tributary.ingest.session;

import io.tributary.ingest.auth.PublishAuthorizer;
import io.tributary.ingest.kafka.GopPublisher;
import io.tributary.ingest.kafka.InflightTotal;
import io.tributary.ingest.kafka.SessionEvents;
import io.tributary.ingest.metrics.IngestMetrics;
import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * What every publish session uses, shared by all connections of the instance.
 *
 * @param inflightTotal the GOP bytes unacknowledged over every session, and their limit
 * @param clock         wall-clock time for events
 * @param nowMillis     monotonic milliseconds for deadlines and meters
 */
public record SessionServices(PublishAuthorizer authorizer, LiveSessions registry, GopPublisher gops,
                              SessionEvents events, InflightTotal inflightTotal, IngestMetrics metrics,
                              SessionSettings settings, Clock clock, LongSupplier nowMillis) {
}
