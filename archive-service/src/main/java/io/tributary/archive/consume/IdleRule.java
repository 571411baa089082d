package io.tributary.archive.consume;

import java.time.Duration;

/**
 * When a session whose {@code last} record never came is over: the ingest that carried it died.
 *
 * <p>Records of a partition are handled in order, so once the partition has handled records that the ingest closed
 * {@code timeout} after the session's latest one, every record the session could still have is behind us: that
 * clock is the ingests' ({@code closedAt} of the records), so a consumer that lags behind (a backlog after a restart)
 * never mistakes its own slowness for the end of a stream. A partition that receives nothing at all has no such
 * clock: then the wall clock decides, once both the partition and the session have been silent for {@code timeout}.
 */
public record IdleRule(Duration timeout) {

    /**
     * @param partitionClockMillis   the latest {@code closedAt} handled on the partition
     * @param partitionWallMillis    when the partition last handled a record (wall clock)
     * @param sessionClockMillis     the session's latest {@code closedAt} (or when it was found in storage)
     * @param sessionWallMillis      when the session last had a record (or was found)
     */
    public boolean isOver(long partitionClockMillis, long partitionWallMillis, long sessionClockMillis,
                          long sessionWallMillis, long nowMillis) {
        long limit = timeout.toMillis();
        boolean ingestMovedOn = partitionClockMillis - sessionClockMillis > limit;
        boolean allQuiet = nowMillis - partitionWallMillis > limit && nowMillis - sessionWallMillis > limit;
        return ingestMovedOn || allQuiet;
    }
}
