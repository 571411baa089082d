package io.tributary.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Every setting of auth-service, under {@code tributary.auth}. Environment variables follow the MicroProfile
 * mapping: {@code tributary.auth.admin-token} is {@code TRIBUTARY_AUTH_ADMIN_TOKEN}.
 */
@ConfigMapping(prefix = "tributary.auth")
public interface AuthConfig {

    /**
     * The bearer token every {@code /v1} request must carry. Required: without it the service does not start,
     * because an admin API with a guessable default is worse than one that refuses to run. The local stack
     * generates one and passes it as {@code TRIBUTARY_AUTH_ADMIN_TOKEN}.
     */
    String adminToken();

    /**
     * The HMAC-SHA256 secret for signed publish tokens, shared with platforms that mint their own tokens.
     * When absent it is derived from the admin token (HMAC of a fixed label), so that it is stable across restarts
     * and equal on every instance without one more secret to manage; rotating the admin token then also
     * invalidates all outstanding publish tokens.
     */
    Optional<String> tokenSecret();

    /** Longest lifetime the mint endpoint grants a publish token: a week covers a scheduled event's lead time. */
    @WithDefault("P7D")
    Duration maxTokenTtl();

    /** The demo channel the local stack prints. */
    Demo demo();

    /** Topic provisioning and the write path. */
    Kafka kafka();

    /** Throttling of failed publish decisions and of failed admin authentication. */
    Throttle throttle();

    /** The live directory. */
    Live live();

    /** The status page and its archive list. */
    Status status();

    interface Demo {
        /** Name of the demo channel. */
        @WithDefault("demo")
        String channel();

        /**
         * The demo stream key ({@code TRIBUTARY_AUTH_DEMO_KEY}). When set, start-up makes sure the demo channel
         * exists with a key of this hash (idempotent: the launcher keeps the key, we only ever store its hash).
         */
        Optional<String> key();
    }

    interface Kafka {
        /** Partitions of the topics this service creates ({@code stream-keys}, {@code stream-key-revoked}). */
        @WithDefault("3")
        int partitions();

        /** Replication factor of the topics this service creates; 1 for the single local broker. */
        @WithDefault("1")
        short replicationFactor();

        /** How long start-up waits for topic provisioning per attempt before it retries. */
        @WithDefault("30s")
        Duration provisionTimeout();

        /**
         * How long a write waits for the broker's ack and for this instance's view to include it; past it the
         * request fails with 503 and may be retried (every write is idempotent by key).
         */
        @WithDefault("10s")
        Duration writeTimeout();

        /** How often the readers look for new partitions (or for topics that did not exist yet). */
        @WithDefault("10s")
        Duration metadataRefresh();
    }

    interface Throttle {
        /** Failed decisions one IP (or IPv6 /64) may make in a burst before failures answer {@code rate-limited}. */
        @WithDefault("10")
        int failureBurst();

        /** Failed decisions per minute one IP earns back: a mistyped key is retried by hand, not 100 times a minute. */
        @WithDefault("6")
        int failuresPerMinute();

        /**
         * Hard cap on all decisions from one IP per minute, valid or not (a burst of the same size is allowed).
         * Far above any real encoder's reconnect rate, so only a flood reaches it.
         */
        @WithDefault("120")
        int attemptsPerMinute();

        /** Most IPs tracked at once; the least recently seen is forgotten first. Bounds memory under a flood. */
        @WithDefault("100000")
        int maxTrackedAddresses();
    }

    interface Live {
        /**
         * Whether a second publish on a channel that is live is denied with {@code channel-live}.
         */
        @WithDefault("true")
        boolean rejectConcurrentPublish();

        /**
         * A session whose {@code stream-stopped} never came (an ingest that crashed) stops counting as live after
         * this long, so that a channel is not locked forever. Longer than any real broadcast.
         */
        @WithDefault("PT24H")
        Duration sessionMaxAge();
    }

    interface Status {
        /** Archives the status page lists (the newest {@code archive-ready} events); older ones are forgotten. */
        @WithDefault("20")
        int recentArchives();

        /**
         * How long an archive download link works. Short: the link is a bearer credential for one object, and the
         * page fetches fresh ones whenever it refreshes. At most 7 days (the SigV4 limit).
         */
        @WithDefault("PT15M")
        Duration archiveLinkExpiry();

        /**
         * The object store endpoint as browsers reach it, when that differs from {@code tributary.s3.endpoint} (in
         * docker-compose the services use {@code http://minio:9000}, a browser {@code http://localhost:9000}). The
         * signature covers the host, so links must be signed for the browser's endpoint. Absent: the S3 endpoint.
         */
        Optional<URI> archiveLinkEndpoint();

        /**
         * The access key archive links are signed with, when it should not be {@code tributary.s3.access-key}: a key
         * allowed {@code s3:GetObject} on {@code archive/*} only, so auth-service (which never writes an object) holds
         * no write credential. Set with {@link #archiveLinkSecretKey()}, or neither.
         */
        Optional<String> archiveLinkAccessKey();

        /** The secret of {@link #archiveLinkAccessKey()}. */
        Optional<String> archiveLinkSecretKey();
    }
}
