package io.tributary.bench.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * PUT durations of the measured window, large (segments, archive pieces) and small (playlists) apart, and how long a
 * GOP's whole set of PUTs took from the moment it was handed to the upload pool to the last one's answer (what the
 * GOP close → playlist latency spends in storage when a packager uploads its objects at once).
 */
final class PutLatencies {
    /** Above this an object counts as large: the 32 kB audio segment is, the playlists are not. */
    private static final int LARGE_BYTES = 16_000;

    private final List<Long> large = new ArrayList<>();
    private final List<Long> small = new ArrayList<>();
    private final List<Long> gops = new ArrayList<>();
    private int failures;

    synchronized void record(int bytes, long nanos) {
        (bytes >= LARGE_BYTES ? large : small).add(nanos);
    }

    synchronized void recordGop(long nanos) {
        gops.add(nanos);
    }

    synchronized void failed() {
        failures++;
    }

    synchronized int failures() {
        return failures;
    }

    synchronized int count() {
        return large.size() + small.size();
    }

    /** Percentile {@code p} (0–100) in ms of all PUTs. */
    synchronized double allMillis(double p) {
        List<Long> all = new ArrayList<>(large);
        all.addAll(small);
        return percentile(all, p);
    }

    synchronized double largeMillis(double p) {
        return percentile(new ArrayList<>(large), p);
    }

    synchronized double smallMillis(double p) {
        return percentile(new ArrayList<>(small), p);
    }

    synchronized double gopMillis(double p) {
        return percentile(new ArrayList<>(gops), p);
    }

    private static double percentile(List<Long> nanos, double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(nanos);
        int index = (int) Math.ceil(p / 100.0 * nanos.size()) - 1;
        return nanos.get(Math.max(0, Math.min(index, nanos.size() - 1))) / 1e6;
    }
}
