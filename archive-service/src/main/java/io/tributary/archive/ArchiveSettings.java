package io.tributary.archive;

import io.tributary.archive.encode.EncodeMode;
import io.tributary.media.event.Topics;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the archive pipeline needs to know, as a value: read from {@link ArchiveConfig} by the service, built
 * directly by tests and the benchmark. See {@link ArchiveConfig} for what each setting means.
 *
 * @param topic the GOP topic: {@code stream-gops} in the service; tests give each pipeline its own
 */
public record ArchiveSettings(String topic, String groupId, int workerThreads, int maxBacklog, int maxInFlight,
                              Duration consumerSessionTimeout, EncodeMode mode, int crf, String preset,
                              int encoderThreads, Duration encodeTimeout, int ssimSampleEvery, Duration sessionTimeout,
                              Duration chunkWait, Path workDir) {

    public ArchiveSettings {
        if (crf < 0 || crf > 51) {
            throw new IllegalArgumentException("libx264 CRF is 0..51: " + crf);
        }
        if (ssimSampleEvery < 0 || encoderThreads < 0) {
            throw new IllegalArgumentException("ssim-sample-every and encoder threads must not be negative");
        }
        if (sessionTimeout.isNegative() || sessionTimeout.isZero()) {
            throw new IllegalArgumentException("session timeout must be positive: " + sessionTimeout);
        }
        if (chunkWait.isNegative() || maxInFlight < 1) {
            throw new IllegalArgumentException("chunk wait must not be negative, max in flight must be positive");
        }
    }

    public static ArchiveSettings from(ArchiveConfig c) {
        Path work = Path.of(c.session().workDir().orElse(System.getProperty("java.io.tmpdir")))
                .resolve("tributary-archive");
        return new ArchiveSettings(c.consumer().topic(), c.consumer().groupId(), c.consumer().workerThreads(),
                c.consumer().maxBacklog(), c.consumer().maxInFlight(), c.consumer().sessionTimeout(),
                EncodeMode.parse(c.encoder().mode()), c.encoder().crf(), c.encoder().preset(), c.encoder().threads(),
                c.encoder().timeout(), c.encoder().ssimSampleEvery(), c.session().timeout(), c.session().chunkWait(),
                work);
    }

    /** The service's defaults (see {@link ArchiveConfig}) with a given work directory. */
    public static ArchiveSettings defaults(Path workDir) {
        return new ArchiveSettings(Topics.STREAM_GOPS, "archive-service", 2, 8, 1024, Duration.ofSeconds(45),
                EncodeMode.REENCODE, 28, "veryfast", 0, Duration.ofSeconds(120), 60, Duration.ofSeconds(60),
                Duration.ofSeconds(30), workDir);
    }

    public ArchiveSettings withTopic(String t) {
        return new ArchiveSettings(t, groupId, workerThreads, maxBacklog, maxInFlight, consumerSessionTimeout, mode,
                crf, preset, encoderThreads, encodeTimeout, ssimSampleEvery, sessionTimeout, chunkWait, workDir);
    }

    public ArchiveSettings withGroupId(String g) {
        return new ArchiveSettings(topic, g, workerThreads, maxBacklog, maxInFlight, consumerSessionTimeout, mode, crf,
                preset, encoderThreads, encodeTimeout, ssimSampleEvery, sessionTimeout, chunkWait, workDir);
    }

    public ArchiveSettings withMode(EncodeMode m) {
        return new ArchiveSettings(topic, groupId, workerThreads, maxBacklog, maxInFlight, consumerSessionTimeout, m,
                crf, preset, encoderThreads, encodeTimeout, ssimSampleEvery, sessionTimeout, chunkWait, workDir);
    }

    public ArchiveSettings withSessionTimeout(Duration t) {
        return new ArchiveSettings(topic, groupId, workerThreads, maxBacklog, maxInFlight, consumerSessionTimeout,
                mode, crf, preset, encoderThreads, encodeTimeout, ssimSampleEvery, t, chunkWait, workDir);
    }

    public ArchiveSettings withSsimSampleEvery(int n) {
        return new ArchiveSettings(topic, groupId, workerThreads, maxBacklog, maxInFlight, consumerSessionTimeout,
                mode, crf, preset, encoderThreads, encodeTimeout, n, sessionTimeout, chunkWait, workDir);
    }

    public ArchiveSettings withMaxInFlight(int n) {
        return new ArchiveSettings(topic, groupId, workerThreads, maxBacklog, n, consumerSessionTimeout, mode, crf,
                preset, encoderThreads, encodeTimeout, ssimSampleEvery, sessionTimeout, chunkWait, workDir);
    }

    public ArchiveSettings withChunkWait(Duration w) {
        return new ArchiveSettings(topic, groupId, workerThreads, maxBacklog, maxInFlight, consumerSessionTimeout,
                mode, crf, preset, encoderThreads, encodeTimeout, ssimSampleEvery, sessionTimeout, w, workDir);
    }

    public ArchiveSettings withEncoder(int newCrf, String newPreset) {
        return new ArchiveSettings(topic, groupId, workerThreads, maxBacklog, maxInFlight, consumerSessionTimeout,
                mode, newCrf, newPreset, encoderThreads, encodeTimeout, ssimSampleEvery, sessionTimeout, chunkWait,
                workDir);
    }
}
