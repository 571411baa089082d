package io.tributary.transcode;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of transcode-service, under {@code tributary.transcode.*}. Every default works for the local stack. */
@ConfigMapping(prefix = "tributary.transcode")
public interface TranscodeConfig {

    /** How transcode-service consumes stream-gops. */
    Consumer consumer();

    interface Consumer {
        /** The consumer group: every instance of the service shares it, so each partition has one owner. */
        @WithDefault("transcode-service")
        String group();

        /**
         * Threads that run the channels' packaging steps (a GOP's source, a GOP's rungs), over all partitions: the
         * channels handled at once. More than the cores, because a step spends most of its time waiting on S3 and
         * Kafka.
         */
        @WithDefault("8")
        int workerThreads();

        /** GOP records queued per partition before it is paused; each can be megabytes. */
        @WithDefault("8")
        int maxBacklog();

        /**
         * GOP records per partition handed to their channels and not yet stored (the ladder's rungs included) before
         * no more is taken: with storage away, what the partition holds in memory. 32 leaves room for every channel
         * of a partition (a few to a dozen) to have its next GOP in hand while rungs are being encoded.
         */
        @WithDefault("32")
        int maxInFlight();

        /**
         * Bytes of GOP records handed to channels and not packaged yet, over every partition of the instance: at this
         * bound no more is taken until some are packaged, and the rest wait in Kafka. Only reached by an instance
         * behind its streams; 32 MiB is about 40 GOPs of 720p at 3 Mb/s, 20 of 1080p at 6 Mb/s: a few per packaging
         * thread. Records wait better in Kafka than here, where they outlive young collections and fill the old
         * generation.
         */
        @WithDefault("32M")
        MemorySize maxQueuedBytes();
    }

    /** How often a channel's state object ({@code state/transcode/{channel}.json}) is saved. */
    State state();

    interface State {
        /**
         * Records of a channel handled before its state is saved (and their offsets committed), with the ABR ladder
         * off; with it on, every record. 5 is 10 s of 2 s GOPs: a fifth of the PUTs that rewrite the state object,
         * and a successor replays at most 5 records, storing nothing of those the playlists list already. 1 saves
         * after every record; at most {@code StateSaving.MAX_SAVE_EVERY} (1000).
         */
        @WithDefault("5")
        int saveEvery();

        /**
         * How long the oldest record not yet saved may wait (a publisher that stalls without ending): its partition's
         * commits wait for it. Above the four GOP durations the oldest of five records waits in a steady stream.
         */
        @WithDefault("15s")
        Duration maxUnsavedAge();
    }

    /** The HLS playlists (and the DASH time-shift buffer, which follows them). */
    Hls hls();

    interface Hls {
        /**
         * Segments in each live playlist. Six GOPs: the three target durations a player stays behind the live edge
         * (RFC 8216 §6.3.3) plus room to rejoin after a stall.
         */
        @WithDefault("6")
        int windowSize();
    }

    /**
     * How long a segment stays in storage after it left every manifest, so a player that read the manifest just
     * before can still fetch it (RFC 8216 §6.2.2). At least a window's duration; 30 s covers windows of 6 GOPs of up
     * to 5 s.
     */
    @WithDefault("30s")
    Duration segmentRetentionGrace();

    /** How often segments past their grace period are deleted. */
    @WithDefault("1s")
    Duration segmentRetentionInterval();

    /** Object uploads in flight at once (a GOP's segments, then its manifests, go up in parallel). */
    @WithDefault("16")
    int uploadThreads();

    /** How long a packager waits for Kafka to acknowledge a GOP's segment-published events before it retries. */
    @WithDefault("30s")
    Duration publishTimeout();

    /** How transcode-service provisions the topic it owns. */
    Kafka kafka();

    interface Kafka {
        /** Partitions of segment-published: the ceiling on parallel consumers per group. */
        @WithDefault("6")
        int partitions();

        /** 1 for a single broker; 3 on a production cluster. */
        @WithDefault("1")
        short replicationFactor();

        /** How long start-up waits for the broker to create or confirm the topic before failing. */
        @WithDefault("30s")
        Duration setupTimeout();
    }
}
