package io.tributary.transcode.ladder;

/**
 * When a channel's ladder counts as not keeping up (see {@link LadderConfig.Lag}).
 *
 * @param window GOPs the speed is measured over
 * @param minSpeed slowest acceptable media time over encoding wall time
 * @param maxBacklog GOPs that may wait for the channel's encoder
 */
public record LagPolicy(int window, double minSpeed, int maxBacklog) {

    public LagPolicy {
        if (window < 1 || !(minSpeed > 0) || maxBacklog < 1) {
            throw new IllegalArgumentException("bad lag policy: window " + window + ", min speed " + minSpeed
                    + ", max backlog " + maxBacklog);
        }
    }

    public static LagPolicy defaults() {
        return new LagPolicy(4, 1.0, 4);
    }
}
