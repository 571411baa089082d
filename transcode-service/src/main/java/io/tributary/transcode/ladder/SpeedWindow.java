package io.tributary.transcode.ladder;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * Encoding speed over the last few GOPs: their media time over the wall time their encodes took. A window rather
 * than one GOP, so a single slow GOP (a scene full of motion, a burst of load) does not drop a rung; sums rather than
 * an average of ratios, so long GOPs weigh as much as their media time.
 */
final class SpeedWindow {
    private final int size;
    private final ArrayDeque<Duration[]> gops = new ArrayDeque<>();

    SpeedWindow(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("window of " + size + " GOPs");
        }
        this.size = size;
    }

    void add(Duration media, Duration wall) {
        if (gops.size() == size) {
            gops.removeFirst();
        }
        gops.addLast(new Duration[] {media, wall});
    }

    boolean full() {
        return gops.size() == size;
    }

    /** Media seconds encoded per wall second; infinite before any wall time is measured. */
    double speed() {
        long media = 0;
        long wall = 0;
        for (Duration[] g : gops) {
            media += g[0].toNanos();
            wall += g[1].toNanos();
        }
        return wall == 0 ? Double.POSITIVE_INFINITY : (double) media / wall;
    }

    void clear() {
        gops.clear();
    }
}
