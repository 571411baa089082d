package io.tributary.deploy;

import java.nio.file.Path;

/** The five Quarkus services of the local stack, in start order: auth first, since ingest asks it about every publish. */
enum StackService {
    AUTH("auth", "auth-service", StackPort.AUTH),
    INGEST("ingest", "ingest-service", StackPort.INGEST),
    TRANSCODE("transcode", "transcode-service", StackPort.TRANSCODE),
    THUMBNAIL("thumbnail", "thumbnail-service", StackPort.THUMBNAIL),
    ARCHIVE("archive", "archive-service", StackPort.ARCHIVE);

    /**
     * A JVM flag every service gets. The MinIO SDK runs each upload through {@code CompletableFuture.supplyAsync} on
     * the common pool; with fewer than 3 CPUs that pool has a parallelism of 1, and {@code CompletableFuture} then
     * starts a new thread for every task (hundreds a minute per stream). Four keeps it a pool. The service image's
     * entrypoint passes the same flag.
     */
    static final String COMMON_POOL_PARALLELISM = "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4";

    /**
     * The garbage collector of every JVM of the local stack (services, Kafka, S3 server). On a machine of two CPUs
     * and more than 1.75 GB the JVM picks G1, whose concurrent cycles and region bookkeeping cost these small-heap,
     * allocation-heavy processes CPU: a GOP record, a segment and a fetch buffer are each hundreds of kilobytes,
     * "humongous" objects to G1 at a 512 MB heap. bench/load (16 streams) measured transcode at 0.36 instead of
     * 0.55 CPU s per stream-minute with the serial collector, the stack at 1.8 instead of 1.9–2.5
     * (bench/load/README.md); its pauses averaged 7 ms (ingest) and 19 ms (transcode) in a profiled run.
     */
    static final String GARBAGE_COLLECTOR = "-XX:+UseSerialGC";

    /**
     * A service whose heap ran out exits, as in the container image ({@code JAVA_OPTS}): the launcher then stops the
     * stack with the service's last lines, and nothing is lost (offsets are committed only over stored output). Without
     * it, an {@code OutOfMemoryError} killed transcode's consumer thread and its heartbeat at 100 streams (bench/load,
     * session 8) and the service stayed up, healthy to the launcher, packaging nothing.
     */
    static final String EXIT_ON_OUT_OF_MEMORY = "-XX:+ExitOnOutOfMemoryError";

    /**
     * A JVM flag of every process of the local stack. Writing a heap buffer to a file or socket goes through a
     * temporary direct buffer the size of the write, which NIO keeps per thread for the next one: archive's spool and
     * cache writes of whole GOPs and chunks, Kafka's and the services' large sends left 10–35 MB of such buffers per
     * JVM (native memory tracking, "Other", at 48 streams). Above 256 KiB they are freed after the write instead:
     * ~90 MB less over the stack at 48 streams (31 → 28 MB per stream), no change in CPU (bench/load, session 10).
     */
    static final String NIO_BUFFER_CACHE = "-Djdk.nio.maxCachedBufferSize=262144";

    private final String shortName;
    private final String module;
    private final StackPort port;

    StackService(String shortName, String module, StackPort port) {
        this.shortName = shortName;
        this.module = module;
        this.port = port;
    }

    /**
     * The JVM's heap limit. transcode gets 1 GB: at 100 streams on this stack it holds the load with 512 MB (its
     * queued records bounded by {@code max-queued-bytes}, its fetches by {@code KafkaClientDefaults}) but collects
     * more often and fell behind on the way up, with 1 GB it peaked at 613 MB resident (bench/load, session 9). The
     * heap grows only as far as it is used.
     */
    String maxHeap() {
        return this == TRANSCODE ? "-Xmx1g" : "-Xmx512m";
    }

    /** The log prefix and log file name: {@code [auth]}, {@code .tributary/logs/auth.log}. */
    String shortName() {
        return shortName;
    }

    String module() {
        return module;
    }

    StackPort port() {
        return port;
    }

    /**
     * Whether the service needs the {@code tributary.s3.*} settings: the workers write to object storage, and
     * auth-service signs the status page's archive download links with the same credentials.
     */
    boolean usesObjectStorage() {
        return this == AUTH || this == TRANSCODE || this == THUMBNAIL || this == ARCHIVE;
    }

    /**
     * Batch work off the live path (a picture a minute, an MP4 per session): run at a lower CPU priority, so that
     * a saturated machine serves ingest and packaging first ({@link CpuPriority}).
     */
    boolean background() {
        return this == THUMBNAIL || this == ARCHIVE;
    }

    /** The Quarkus fast-jar launcher that {@code mvn package} leaves in the module. */
    Path runnableJar(Path root) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
