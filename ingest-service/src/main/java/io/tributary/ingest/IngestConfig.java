package io.tributary.ingest;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of ingest-service, under {@code tributary.ingest.*}. Every default works for the local stack
 * ({@code ./tributary up}), which overrides the ports through environment variables
 * ({@code TRIBUTARY_INGEST_RTMP_PORT}, ...). Each limit says why it has the number it has.
 */
@ConfigMapping(prefix = "tributary.ingest")
public interface IngestConfig {

    /** Plain RTMP listener port ({@code rtmp://host:1935/live}); 1935 is the port every encoder assumes. */
    @WithDefault("1935")
    int rtmpPort();

    /** RTMP over TLS listener port; 1936 is the conventional neighbour of 1935 that OBS presets use. */
    @WithDefault("1936")
    int rtmpsPort();

    /** Interface the RTMP(S) listeners bind: all of them, since encoders are on other machines. */
    @WithDefault("0.0.0.0")
    String rtmpHost();

    /**
     * Event loops serving RTMP connections (one listener per loop, sharing the port); 0 means one per processor,
     * which spreads chunk decoding and GOP assembly over every core.
     */
    @WithDefault("0")
    int eventLoops();

    /** Base URL of auth-service, asked for the publish decision of each stream key. */
    @WithDefault("http://127.0.0.1:8081")
    URI authUrl();

    /**
     * Bearer token for auth-service's publish-decision endpoint: its admin token, which the local stack exports as
     * {@code TRIBUTARY_AUTH_ADMIN_TOKEN}. Without one every publish is refused (auth answers 401: fail closed).
     */
    @WithDefault("${TRIBUTARY_AUTH_ADMIN_TOKEN:}")
    Optional<String> authToken();

    /** How long a publisher waits for auth-service at most; then it is refused (fail closed). */
    @WithDefault("3s")
    Duration authTimeout();

    /**
     * Bearer token of this service's admin API ({@code /v1/sessions}); by default the platform's admin token. Without
     * one the admin API answers 401 to everyone.
     */
    @WithDefault("${TRIBUTARY_AUTH_ADMIN_TOKEN:}")
    Optional<String> adminToken();

    /** Where players fetch {@code live/{channel}/...} from, announced in {@code stream-started}. */
    @WithDefault("http://127.0.0.1:9000/tributary")
    String playbackBaseUrl();

    /** This instance's name in {@code stream-started} ({@code ingestNode}); the host name when unset. */
    Optional<String> nodeName();

    /**
     * Bytes of GOP records sent to Kafka and not yet acknowledged, per publisher. Over it the publisher's socket is
     * paused (TCP pushes back to the encoder); 32 MiB is four maximal GOP records, or about 25 s of a 10 Mbps stream.
     */
    @WithDefault("32M")
    MemorySize kafkaInflightBytes();

    /**
     * Bytes of GOP records sent to Kafka and not yet acknowledged over every publisher of this instance. Over it every
     * publisher that sends is paused until acknowledgements bring the total back: the per-publisher budget alone let
     * 90 publishers hold more than a 512 MB heap when Kafka slowed for all of them at once (bench/load, session 10).
     * 64 MiB is about 1.7 s of 100 publishers at 3 Mb/s. Not a hard bound: at each return under it every waiting
     * publisher reads on, so the total can pass it by about one GOP record per publisher. The records in flight are in
     * the heap (as the producer's copies) besides the GOPs in assembly: keep it well under {@code -Xmx}.
     */
    @WithDefault("64M")
    MemorySize kafkaInflightTotalBytes();

    /**
     * How long a publisher may stay paused, over its in-flight budget or with the instance's total over its limit
     * (a return under it resumes every paused publisher), before its session ends with {@code error}: Kafka is
     * down or far too slow, and an encoder blocked longer than this has dropped frames anyway.
     */
    @WithDefault("10s")
    Duration backpressureTimeout();

    /** Limits of the RTMP protocol layer, one connection at a time (mapped onto {@code RtmpLimits}). */
    Rtmp rtmp();

    /** Admission of connections. */
    Connections connections();

    /** Limits of a publish session once allowed. */
    Session session();

    /** How media is cut into GOP records. */
    Gop gop();

    /** RTMPS: the certificate of the TLS listener. */
    Tls tls();

    /** How ingest provisions and uses the topics it owns. */
    Kafka kafka();

    interface Rtmp {
        /** A 50 Mbps 2160p60 keyframe stays well under 8 MiB (mediacommon's MaxAccessUnitSize is the same). */
        @WithDefault("8M")
        MemorySize maxMessageBytes();

        /** ffmpeg/OBS onMetaData and connect are under 1 KiB; 256 KiB leaves room for long tokens and cue points. */
        @WithDefault("256K")
        MemorySize maxCommandBytes();

        /** One maximum-size video message interleaved with audio, data and commands on other chunk streams. */
        @WithDefault("16M")
        MemorySize maxBufferedMessageBytes();

        /** Encoders use chunk streams 2..8; 64 leaves room for multitrack without an unbounded table. */
        @WithDefault("64")
        int maxChunkStreams();

        /** connect and onMetaData nest 2-3 levels; 32 is far beyond any encoder and far below a stack overflow. */
        @WithDefault("32")
        int maxAmfDepth();

        /** A stream key plus a signed token query fits in 1 KiB; 4 KiB is generous, longer is abuse. */
        @WithDefault("4096")
        int maxNameLength();

        /** C0+C1+C2 are 3 KiB that any encoder sends at once; a peer slower than this is a slow-loris. */
        @WithDefault("10s")
        Duration handshakeTimeout();

        /**
         * From accept to a publish: encoders send connect .. publish within a second; this also bounds how long a
         * connection that will never publish (a player, a scanner) holds a slot, and the grace after an unpublish.
         */
        @WithDefault("15s")
        Duration publishTimeout();

        /** Our outgoing chunk size: our messages are small; 4096 is what OBS and nginx-rtmp use. */
        @WithDefault("4096")
        int chunkSize();

        /** Window Acknowledgement Size we announce (and Set Peer Bandwidth): the 2.5 MB that FMS and nginx use. */
        @WithDefault("2500000")
        long acknowledgementWindow();
    }

    interface Connections {
        /** Open RTMP(S) connections on this instance: a few hundred publishers per node, plus room for probes. */
        @WithDefault("1000")
        int maxTotal();

        /** Per client address: a studio behind one NAT runs a handful of encoders; more from one address is abuse. */
        @WithDefault("16")
        int maxPerIp();
    }

    interface Session {
        /** No audio or video for this long ends the session with {@code timeout}: the encoder is gone or stuck. */
        @WithDefault("20s")
        Duration idleTimeout();

        /**
         * Publish bitrate cap when auth-service gives none: 50 Mbps is above any sane 2160p60 contribution stream.
         * A session averaging more than 1.5 times its cap over a measuring window is ended with {@code error}.
         */
        @WithDefault("50000")
        int maxBitrateKbps();

        /** Window of the bitrate meter: long enough to absorb keyframe bursts, short enough to react. */
        @WithDefault("5s")
        Duration bitrateWindow();
    }

    interface Gop {
        /** The longest GOP kept whole: encoders send keyframes every 1-4 s; 10 s bounds memory and latency. */
        @WithDefault("10s")
        Duration maxDuration();

        /** Audio-only streams have no keyframes: cut them this often, a segment length players handle well. */
        @WithDefault("2s")
        Duration audioOnlyDuration();

        /**
         * Bytes one GOP may take in memory before the session is ended with {@code error}: 10 s at the 50 Mbps cap is
         * 62.5 MB, so 64 MiB is only reached by a publisher that lies about its bitrate.
         */
        @WithDefault("64M")
        MemorySize maxBytes();

        /**
         * Largest GOP record value; a bigger GOP becomes continuation records. 8 MiB is half the topic's
         * {@code max.message.bytes} (16 MiB), leaving room for headers and batch overhead.
         */
        @WithDefault("8M")
        MemorySize recordBytes();
    }

    interface Tls {
        /** PKCS#12 keystore with the RTMPS certificate and key; RTMPS is off when neither it nor a PEM pair is set. */
        Optional<Path> keystorePath();

        /** Password of the keystore (and of its key). */
        @WithDefault("changeit")
        String keystorePassword();

        /** PEM certificate chain, used with {@link #keyPath()} instead of a keystore. */
        Optional<Path> certPath();

        /** PEM private key (PKCS#8), used with {@link #certPath()}. */
        Optional<Path> keyPath();

        /**
         * When the keystore path does not exist, make a self-signed keystore there with the JDK's {@code keytool}
         * (CN=localhost): for the local stack and tests only; production mounts a real certificate.
         */
        @WithDefault("false")
        boolean generateSelfSigned();
    }

    interface Kafka {
        /** Partitions of stream-started, stream-stopped and stream-gops: the ceiling on parallel consumers per group. */
        @WithDefault("6")
        int partitions();

        /** 1 for a single broker; 3 on a production cluster. */
        @WithDefault("1")
        short replicationFactor();

        /** How long start-up waits for the broker to create or confirm the topics before failing. */
        @WithDefault("30s")
        Duration setupTimeout();

        /** Whether start-up creates the topics; off where an operator manages topics (and ACLs forbid creating). */
        @WithDefault("true")
        boolean provisionTopics();

        /**
         * The producer's {@code max.block.ms}: how long a send may wait for metadata or buffer space on the sender
         * thread before it fails. Longer than a leader election, shorter than the backpressure timeout.
         */
        @WithDefault("5s")
        Duration maxBlock();
    }
}
