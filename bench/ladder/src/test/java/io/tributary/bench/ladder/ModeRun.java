package io.tributary.bench.ladder;

import java.util.List;

/**
 * What one way of encoding the ladder cost and gave, for one source.
 *
 * @param ffmpegCpuSeconds user + system time of the ffmpeg processes (their {@code -benchmark} reports)
 * @param jvmCpuSeconds the JVM's own CPU over the run (FLV in and out, CMAF packaging, pipes), 0 when not measured
 * @param encodeWallSeconds wall time spent encoding (per GOP: the sum over GOPs; otherwise the process's life)
 * @param latenciesMillis per GOP, from the GOP being complete at ingest to every rung's segment of it being ready
 * @param aligned "yes", or why the rungs do not line up with the source GOP for GOP
 */
record ModeRun(String mode, double mediaSeconds, double ffmpegCpuSeconds, double jvmCpuSeconds,
               double encodeWallSeconds, List<Long> latenciesMillis, List<RungQuality> rungs, String aligned) {

    /** One rung's measured bit rate and luma PSNR against the source scaled to its size. */
    record RungQuality(String rung, long kbps, double psnrY) {
    }

    double cpuSeconds() {
        return ffmpegCpuSeconds + jvmCpuSeconds;
    }

    /** Media seconds per CPU second: the speed on one core. */
    double cpuSpeed() {
        return mediaSeconds / cpuSeconds();
    }

    /** Media seconds per wall second of encoding. */
    double wallSpeed() {
        return mediaSeconds / encodeWallSeconds;
    }
}
