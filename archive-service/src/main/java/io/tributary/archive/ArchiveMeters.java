package io.tributary.archive;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * What archive-service counts, on Micrometer's global registry (which Quarkus exports on {@code /q/metrics}; without
 * Quarkus, as in tests and the benchmark, nothing is exported). Prometheus names: {@code tributary_archive_*}.
 */
public final class ArchiveMeters {
    private static final MeterRegistry REGISTRY = Metrics.globalRegistry;

    private ArchiveMeters() {
    }

    /** A GOP made durable as a piece ({@code stored}), or left out ({@code unencodable}, {@code skipped}). */
    public static void gop(String outcome) {
        Counter.builder("tributary.archive.gops").tag("outcome", outcome)
                .description("GOP records by what became of them").register(REGISTRY).increment();
    }

    /** A session archived, because its last record came ({@code last}) or it went silent ({@code timeout}). */
    public static void session(String reason, Duration readyAfterStart, long archiveBytes) {
        Counter.builder("tributary.archive.sessions").tag("reason", reason)
                .description("Sessions archived").register(REGISTRY).increment();
        Timer.builder("tributary.archive.finalise").description("From starting a session's final step to archive-ready")
                .register(REGISTRY).record(readyAfterStart);
        Counter.builder("tributary.archive.bytes").baseUnit("bytes").description("Bytes of archives written")
                .register(REGISTRY).increment(archiveBytes);
    }
}
