package io.tributary.bench.ladder;

import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.ffmpeg.ProcessResult;
import io.tributary.transcode.ladder.Rung;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bit rate and luma PSNR of a rung's output against the source scaled to the rung's size (bicubic, as ffmpeg's). */
final class Quality {
    private static final Pattern PSNR_Y = Pattern.compile("PSNR y:([0-9.]+|inf)");
    private static final Pattern BENCH = Pattern.compile("bench: utime=([0-9.]+)s stime=([0-9.]+)s");

    private Quality() {
    }

    static ModeRun.RungQuality measure(FfmpegRunner ffmpeg, Path output, Path source, Rung rung, double seconds)
            throws IOException {
        long kbps = Math.round(Files.size(output) * 8 / seconds / 1000);
        // both start at 0: the plain command's output is not on the source's timestamps
        ProcessResult r = ffmpeg.ffmpeg(Duration.ofMinutes(10), List.of("-loglevel", "info", "-nostats",
                "-i", output.toString(), "-i", source.toString(), "-lavfi",
                "[0:v]setpts=PTS-STARTPTS[d];[1:v]scale=" + rung.width() + ":" + rung.height()
                        + ",setpts=PTS-STARTPTS[r];[d][r]psnr", "-f", "null", "-"));
        Matcher m = PSNR_Y.matcher(r.stderrTail());
        double psnr = m.find() ? Double.parseDouble(m.group(1).replace("inf", "99")) : Double.NaN;
        return new ModeRun.RungQuality(rung.name(), kbps, psnr);
    }

    /** User + system seconds from ffmpeg's {@code -benchmark} line. */
    static double cpuSeconds(String stderr) {
        Matcher m = BENCH.matcher(stderr);
        double cpu = 0;
        while (m.find()) {
            cpu = Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2));
        }
        return cpu;
    }

    /** The JVM's CPU time so far, in seconds. */
    static double jvmCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }
}
