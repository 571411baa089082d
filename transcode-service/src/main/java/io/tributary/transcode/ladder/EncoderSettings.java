package io.tributary.transcode.ladder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How {@link RungEncoder} runs libx264 (see {@link LadderConfig.Encoder} for each knob's reason).
 *
 * @param workDir where each GOP's outputs are written and read back
 */
public record EncoderSettings(String preset, String profile, int threads, double peakFactor, Duration buffer,
                              Duration timeout, Path workDir) {

    public EncoderSettings {
        if (preset == null || profile == null || threads < 0 || !(peakFactor >= 1) || buffer.isNegative()
                || buffer.isZero() || timeout.isNegative() || timeout.isZero() || workDir == null) {
            throw new IllegalArgumentException("bad encoder settings: " + preset + ", " + profile + ", " + threads
                    + " threads, peak x" + peakFactor + ", buffer " + buffer + ", timeout " + timeout);
        }
    }

    /** The configured defaults, with outputs on tmpfs. */
    public static EncoderSettings defaults() {
        return new EncoderSettings("veryfast", "high", 1, 1.1, Duration.ofSeconds(2), Duration.ofSeconds(60),
                defaultWorkDir());
    }

    /** {@code /dev/shm} where it is a writable directory (Linux), else the JVM's temporary directory. */
    public static Path defaultWorkDir() {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** VBV maxrate of a rung. */
    long maxRate(Rung rung) {
        return Math.round(rung.bitsPerSecond() * peakFactor);
    }

    /** VBV buffer size of a rung, in bits. */
    long bufferBits(Rung rung) {
        return Math.round(rung.bitsPerSecond() * (buffer.toMillis() / 1000.0));
    }
}
