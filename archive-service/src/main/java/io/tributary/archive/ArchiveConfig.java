package io.tributary.archive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of archive-service, under {@code tributary.archive.*}. Every default works for the local stack. */
@ConfigMapping(prefix = "tributary.archive")
public interface ArchiveConfig {

    /** How archive-service provisions the topic it owns. */
    Kafka kafka();

    /** How stream-gops is consumed. */
    Consumer consumer();

    /** How each GOP is compressed. */
    Encoder encoder();

    /** When and how a session becomes its MP4. */
    Session session();

    interface Kafka {
        /** Partitions of archive-ready: the ceiling on parallel consumers per group. */
        @WithDefault("6")
        int partitions();

        /** 1 for a single broker; 3 on a production cluster. */
        @WithDefault("1")
        short replicationFactor();

        /** How long start-up waits for the broker to create or confirm the topic before failing. */
        @WithDefault("30s")
        Duration setupTimeout();
    }

    interface Consumer {
        /** The GOP topic to archive: stream-gops in every deployment (a second archive may read a mirror). */
        @WithDefault("stream-gops")
        String topic();

        /** One group for every instance: partitions (so channels) are spread over them. */
        @WithDefault("archive-service")
        String groupId();

        /**
         * Threads that encode and upload, one partition at a time each. libx264 uses several cores per encode, so one
         * or two per machine is enough; more only helps with many partitions and many cores.
         */
        @WithDefault("2")
        int workerThreads();

        /** Records queued per partition before it is paused: at most this many GOP records (≤ 8 MiB each) in memory. */
        @WithDefault("8")
        int maxBacklog();

        /**
         * Records per partition handed over whose GOP is not stored yet. In copy mode a record is done only when a
         * chunk (or, after {@code session.chunk-wait}, a piece) holds its GOP: a partition has that many waiting for
         * each of its sessions (a chunk is ~7 GOPs at 3 Mb/s, up to {@code chunk-wait} of GOPs for a slow stream,
         * ~30 with 1 s GOPs). At the bound the partition waits until the oldest is stored, at most {@code chunk-wait}.
         * Costs no memory per record (the GOPs are in the spool and the local cache, not in the loop).
         */
        @WithDefault("1024")
        int maxInFlight();

        /**
         * Kafka's {@code session.timeout.ms}: how long a crashed instance keeps its partitions before another takes
         * them over (and finalises its sessions).
         */
        @WithDefault("45s")
        Duration sessionTimeout();
    }

    interface Encoder {
        /** {@code reencode}: H.264 with libx264, audio copied; {@code copy}: the source as it came, remuxed only. */
        @WithDefault("reencode")
        String mode();

        /**
         * libx264 constant rate factor. 28 with {@code veryfast} halves a noisy 1080p30 6 Mb/s stream at SSIM 0.97
         * (bench/archive/README.md has the measurements).
         */
        @WithDefault("28")
        int crf();

        /** libx264 preset: {@code veryfast} is the fastest that still removes noise; faster ones grow the file. */
        @WithDefault("veryfast")
        String preset();

        /** libx264 threads; 0 lets it choose (about 1.5 per core). */
        @WithDefault("0")
        int threads();

        /** One GOP's encode is abandoned (and retried) after this: a 10 s GOP of 1080p takes ~10 s of CPU. */
        @WithDefault("120s")
        Duration timeout();

        /** Measure SSIM of every n-th GOP against its source (0: never). Costs about one more decode of that GOP. */
        @WithDefault("60")
        int ssimSampleEvery();
    }

    interface Session {
        /**
         * A session whose {@code last} record never comes (the ingest died) is finalised once the partition has moved
         * on this long without it (ingest clock), or nothing at all arrived for this long (wall clock).
         */
        @WithDefault("60s")
        Duration timeout();

        /**
         * Copy mode: how long (wall clock) a GOP may wait for the chunk that stores it before the GOPs waiting are
         * stored as one piece and their records committed. Bounds how much a crash hands to the next owner again and
         * how long a slow or audio-only stream (minutes per 5 MiB chunk) holds its partition's commits back; 30 s
         * keeps a 3 Mb/s stream (a chunk every ~14 s) storing no piece at all.
         */
        @WithDefault("30s")
        Duration chunkWait();

        /** Where pieces are cached and fragments spooled; the JVM's temporary directory when absent. */
        Optional<String> workDir();
    }
}
