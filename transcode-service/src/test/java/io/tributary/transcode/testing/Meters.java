package io.tributary.transcode.testing;

import io.micrometer.core.instrument.MeterRegistry;

/** What a worker's meters say, read as a scrape would: through its registry, by the meters' published names. */
public final class Meters {
    private Meters() {
    }

    /** {@code tributary.transcode.state.saves}: the channel state objects the worker saved. */
    public static double stateSaves(MeterRegistry registry) {
        return registry.get("tributary.transcode.state.saves").counter().count();
    }

    /** {@code tributary.transcode.segments}: media segments stored, one per rendition and GOP. */
    public static double segments(MeterRegistry registry) {
        return registry.get("tributary.transcode.segments").counter().count();
    }

    /** {@code tributary.transcode.segments.deleted}: segments retention deleted. */
    public static double deletedSegments(MeterRegistry registry) {
        return registry.get("tributary.transcode.segments.deleted").counter().count();
    }

    /** {@code tributary.transcode.records.skipped} for one reason. */
    public static double skipped(MeterRegistry registry, String reason) {
        return registry.get("tributary.transcode.records.skipped").tag("reason", reason).counter().count();
    }

    /** How many GOPs {@code tributary.transcode.gop.to.playlist} timed: the source's manifests stored. */
    public static long sourcesListed(MeterRegistry registry) {
        return registry.get("tributary.transcode.gop.to.playlist").timer().count();
    }

    /** How many GOPs {@code tributary.transcode.gop.to.rung.playlist} timed: their rungs' manifests stored. */
    public static long rungsListed(MeterRegistry registry) {
        return registry.get("tributary.transcode.gop.to.rung.playlist").timer().count();
    }
}
