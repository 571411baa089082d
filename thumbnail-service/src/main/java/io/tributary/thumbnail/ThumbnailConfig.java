package io.tributary.thumbnail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalInt;

/** Settings of thumbnail-service, under {@code tributary.thumbnail.*}. Every default works for the local stack. */
@ConfigMapping(prefix = "tributary.thumbnail")
public interface ThumbnailConfig {

    /**
     * Media time between two pictures of a session: one picture from the session's first GOP, then one from the
     * first GOP starting at or after each further interval. Kept per session (see docs/services/thumbnail-service.md):
     * changing it affects sessions that start afterwards.
     */
    @WithDefault("60s")
    Duration interval();

    /** Width of the picture in pixels (even); the height keeps the aspect ratio, and a smaller source is not upscaled. */
    @WithDefault("640")
    int width();

    /** Width of an optional second, small picture ({@code {minute}-small.jpg}, {@code latest-small.jpg}); none if unset. */
    OptionalInt smallWidth();

    /** JPEG quality as ffmpeg's {@code -q:v}: 2 (best, largest) to 31 (worst); 3 is a 20–40 KB picture at 640x360. */
    @WithDefault("3")
    int quality();

    /** How long the handler waits for Kafka to acknowledge a thumbnail-published event before it retries the record. */
    @WithDefault("30s")
    Duration publishTimeout();

    /** How thumbnail-service consumes stream-gops. */
    Consumer consumer();

    interface Consumer {
        /** The consumer group: every instance of the service shares it, so each partition has one owner. */
        @WithDefault("thumbnail-service")
        String group();

        /**
         * Threads that run the handler (decode and encode, uploads, event sends): the partitions handled at once. More
         * than the cores, because a handler spends much of its time waiting on S3 and Kafka.
         */
        @WithDefault("4")
        int workerThreads();

        /** GOP records queued per partition before it is paused; each can be megabytes. */
        @WithDefault("4")
        int maxBacklog();
    }

    /** How thumbnail-service provisions the topic it owns. */
    Kafka kafka();

    interface Kafka {
        /** Partitions of thumbnail-published: the ceiling on parallel consumers per group. */
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
