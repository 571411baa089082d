package io.tributary.ingest.kafka;

import io.tributary.ingest.IngestConfig;
import io.tributary.kafka.KafkaClientDefaults;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The ingest's one Kafka producer (idempotent, {@code acks=all}: {@link KafkaClientDefaults#producer()}), shared by
 * every session for {@code stream-gops}, {@code stream-started} and {@code stream-stopped}.
 *
 * <p><b>Why a sender thread.</b> {@link KafkaProducer#send} is asynchronous only once the producer has the topic's
 * metadata and buffer space: until then it blocks the caller for up to {@code max.block.ms}. An event loop must never
 * block, so every send is handed to one ordered sender thread, which calls {@code send} in submission order (keeping
 * each session's records in order, as one partition holds them) and is the only thread that may wait.
 * {@code max.block.ms} is kept short ({@code tributary.ingest.kafka.max-block}) so that an outage fails sends rather
 * than parking them. What waits in the sender's queue is bounded by each publisher's in-flight budget and by the
 * ingest's total ({@link SessionOutput}, {@link InflightTotal}), which pause publishers' sockets when spent.
 *
 * <p>Completions go back to the caller's event loop through the {@link Executor} it passes.
 */
@ApplicationScoped
public class IngestProducer {

    private static final Logger LOG = Logger.getLogger(IngestProducer.class);
    /**
     * What the producer may hold in batches (its default is 32 MiB): above the ingest's own bound on unacknowledged
     * records ({@code kafka-inflight-total-bytes}, 64 MiB) plus the one record per publisher that may pass it (100
     * publishers' 750 kB GOP records), so that {@code send} does not wait for buffer space before the publishers are
     * paused. It is a limit, not memory the producer keeps: see below.
     *
     * <p>{@code batch.size} stays at Kafka's default on purpose. The producer reuses a batch buffer only when it is
     * exactly {@code batch.size}, and keeps each such buffer it frees on its free list until a larger record needs the
     * memory. With a {@code batch.size} large enough for a GOP record (2 MiB, sessions 7–10) one slow moment of the
     * broker, such as its start-up, left 64 free 2 MiB buffers (134 MB) of the ingest's 180 MB live set in its heap
     * (bench/load, session 11, 48 streams). A GOP record now gets a buffer of its own, freed once acknowledged: about
     * a quarter more allocation (one array per GOP, which dies young), and nothing kept.
     */
    static final long BUFFER_MEMORY_BYTES = 192L * 1024 * 1024;

    private final IngestConfig config;
    private final String bootstrapServers;
    private KafkaProducer<String, byte[]> producer;
    private ExecutorService sender;

    @Inject
    public IngestProducer(IngestConfig config,
                          @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    @PostConstruct
    void start() {
        Map<String, Object> props = new HashMap<>(KafkaClientDefaults.producer());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "tributary-ingest");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(config.kafka().maxBlock().toMillis()));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(BUFFER_MEMORY_BYTES));
        producer = new KafkaProducer<>(props);
        sender = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "ingest-kafka-sender");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Sends a record off the caller's thread; {@code done} runs on {@code replyOn} with null on success or the
     * failure (including a send that could not even be attempted).
     */
    public void send(ProducerRecord<String, byte[]> record, Executor replyOn, Consumer<Throwable> done) {
        try {
            sender.execute(() -> {
                try {
                    producer.send(record, (metadata, failure) -> replyOn.execute(() -> done.accept(failure)));
                } catch (RuntimeException e) {
                    // metadata or buffer space not available within max.block.ms, or the producer is closed
                    replyOn.execute(() -> done.accept(e));
                } catch (Error e) {
                    // the session must still hear of it: its bytes stay counted in flight otherwise, and the
                    // ingest's total with them, pausing every publisher for good
                    replyOn.execute(() -> done.accept(e));
                    throw e;
                }
            });
        } catch (RejectedExecutionException e) {
            replyOn.execute(() -> done.accept(e));
        }
    }

    /** Lets queued sends go out, then flushes and closes the producer (bounded: shutdown must end). */
    @PreDestroy
    void stop() {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Kafka sends still queued at shutdown were dropped");
                sender.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(10));
    }
}
