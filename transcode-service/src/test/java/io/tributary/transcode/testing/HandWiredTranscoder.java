package io.tributary.transcode.testing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.storage.ObjectStore;
import io.tributary.storage.S3Settings;
import io.tributary.testsupport.kafka.SharedKafka;
import io.tributary.testsupport.s3.EmbeddedS3;
import io.tributary.testsupport.s3.SharedS3;
import io.tributary.transcode.consume.StateSaving;
import io.tributary.transcode.consume.TranscodeWorker;
import io.tributary.transcode.consume.WorkerSettings;
import io.tributary.transcode.ladder.LadderSettings;
import java.time.Clock;
import java.time.Duration;

/**
 * The service's pipeline wired by hand, as {@link io.tributary.transcode.consume.GopConsumer} wires it, on the JVM's
 * shared Kafka broker and S3 server, consuming a topic and group of the test's choosing: a fresh instance is a
 * restarted process (nothing in memory), a fresh group is a replay.
 */
public final class HandWiredTranscoder implements AutoCloseable {
    private final TranscodeWorker worker;
    private final MeterRegistry registry;

    public HandWiredTranscoder(String topic, String group, int windowSize, Duration retentionGrace) {
        this(topic, group, windowSize, retentionGrace, StateSaving.DEFAULT);
    }

    /** With the ABR ladder ({@code null}: off, as the tests of the source rendition run). */
    public HandWiredTranscoder(String topic, String group, int windowSize, Duration retentionGrace,
                               LadderSettings ladder) {
        this(topic, group, windowSize, retentionGrace, ladder, StateSaving.DEFAULT);
    }

    /** With the channels' state saved as {@code saving} says (the service's default otherwise). */
    public HandWiredTranscoder(String topic, String group, int windowSize, Duration retentionGrace,
                               StateSaving saving) {
        this(topic, group, windowSize, retentionGrace, null, saving);
    }

    private HandWiredTranscoder(String topic, String group, int windowSize, Duration retentionGrace,
                                LadderSettings ladder, StateSaving saving) {
        WorkerSettings settings = settings(topic, group, windowSize, retentionGrace, saving);
        this.registry = new SimpleMeterRegistry();
        this.worker = new TranscodeWorker(settings, objectStore(), registry, Clock.systemUTC(), ladder);
    }

    /** The settings this class runs a worker with, for a test that wires the worker itself. */
    public static WorkerSettings settings(String topic, String group, int windowSize, Duration retentionGrace,
                                          StateSaving saving) {
        return new WorkerSettings(SharedKafka.bootstrapServers(), topic, group, 2, 4,
                WorkerSettings.DEFAULT_MAX_IN_FLIGHT, WorkerSettings.DEFAULT_MAX_QUEUED_BYTES, windowSize, retentionGrace, Duration.ofMillis(200), 8,
                Duration.ofSeconds(60), saving);
    }

    /** The worker's meters (the ladder's too). */
    public MeterRegistry registry() {
        return registry;
    }

    public static ObjectStore objectStore() {
        EmbeddedS3 s3 = SharedS3.instance();
        return new ObjectStore(new S3Settings(s3.endpoint(), s3.accessKey(), s3.secretKey(), SharedS3.BUCKET,
                EmbeddedS3.REGION));
    }

    @Override
    public void close() {
        worker.close();
    }
}
