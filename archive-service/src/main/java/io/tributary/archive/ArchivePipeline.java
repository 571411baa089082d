package io.tributary.archive;

import io.tributary.archive.consume.GopArchiver;
import io.tributary.archive.consume.IdleRule;
import io.tributary.archive.consume.PartitionOwnership;
import io.tributary.archive.encode.GopEncoder;
import io.tributary.archive.encode.PieceEncoder;
import io.tributary.archive.encode.SsimMeter;
import io.tributary.archive.session.ArchiveAnnouncer;
import io.tributary.archive.session.SessionArchive;
import io.tributary.archive.session.SessionFinalizer;
import io.tributary.archive.store.ArchiveStore;
import io.tributary.archive.store.PieceCache;
import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.kafka.KafkaClientDefaults;
import io.tributary.kafka.consume.RecordLoop;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.jboss.logging.Logger;

/**
 * The archive worker, assembled: a {@link RecordLoop} on stream-gops (its worker threads encode and upload), the
 * {@link GopArchiver} it feeds, and a sweeper thread that finalises silent sessions. Plain Java so that tests and the
 * benchmark run exactly what the service runs.
 */
public final class ArchivePipeline implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ArchivePipeline.class);
    /** How often silent sessions are looked for: a small fraction of any sensible session timeout. */
    private static final Duration SWEEP_PERIOD = Duration.ofSeconds(1);

    private final GopArchiver archiver;
    private final RecordLoop loop;
    private final ScheduledExecutorService sweeper;

    private ArchivePipeline(GopArchiver archiver, RecordLoop loop, ScheduledExecutorService sweeper) {
        this.archiver = archiver;
        this.loop = loop;
        this.sweeper = sweeper;
    }

    public static ArchivePipeline start(ArchiveSettings settings, String bootstrapServers, ArchiveStore store,
                                        ArchiveAnnouncer announcer, PartitionOwnership ownership, FfmpegRunner ffmpeg) {
        GopArchiver archiver = archiver(settings, store, announcer, ownership, ffmpeg);
        RecordLoop loop = RecordLoop.deferred("archive",
                new RecordLoop.Settings(bootstrapServers, settings.groupId(), settings.workerThreads(),
                        settings.maxBacklog(), settings.maxInFlight()),
                consumerProperties(settings), List.of(settings.topic()), archiver);
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "archive-sweeper");
            t.setDaemon(true);
            return t;
        });
        ArchivePipeline pipeline = new ArchivePipeline(archiver, loop, sweeper);
        loop.start();
        sweeper.scheduleWithFixedDelay(pipeline::sweep, SWEEP_PERIOD.toMillis(), SWEEP_PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
        return pipeline;
    }

    private static Map<String, Object> consumerProperties(ArchiveSettings settings) {
        long session = settings.consumerSessionTimeout().toMillis();
        Map<String, Object> props = new HashMap<>(KafkaClientDefaults.backgroundConsumer());
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Long.toString(session));
        // Kafka asks for heartbeats at most a third of the session timeout apart
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Long.toString(Math.max(100, session / 3)));
        return props;
    }

    /** The handler alone, for driving it without Kafka. */
    public static GopArchiver archiver(ArchiveSettings settings, ArchiveStore store, ArchiveAnnouncer announcer,
                                       PartitionOwnership ownership, FfmpegRunner ffmpeg) {
        return archiver(settings, store, announcer, ownership, ffmpeg, x264(settings, ffmpeg));
    }

    /** The service's encoder for these settings: libx264 at the configured CRF and preset. */
    public static GopEncoder x264(ArchiveSettings settings, FfmpegRunner ffmpeg) {
        return new GopEncoder(ffmpeg, settings.crf(), settings.preset(), settings.encoderThreads(),
                settings.encodeTimeout());
    }

    /** The handler with another encoder (the benchmark replays pieces it encoded once). */
    public static GopArchiver archiver(ArchiveSettings settings, ArchiveStore store, ArchiveAnnouncer announcer,
                                       PartitionOwnership ownership, FfmpegRunner ffmpeg, PieceEncoder encoder) {
        PieceCache cache = new PieceCache(settings.workDir());
        SsimMeter ssim = new SsimMeter(ffmpeg, settings.workDir().resolve("scratch"), settings.encodeTimeout());
        SessionArchive.Tools tools = new SessionArchive.Tools(store, cache, encoder, ssim, settings.ssimSampleEvery(),
                settings.mode(), settings.chunkWait());
        SessionFinalizer finalizer = new SessionFinalizer(store, cache, announcer, Clock.systemUTC());
        return new GopArchiver(store, tools, finalizer, new IdleRule(settings.sessionTimeout()), ownership,
                System::currentTimeMillis);
    }

    /** False once its consumer loop ended by itself ({@link RecordLoop#consuming}). */
    public boolean consuming() {
        return loop.consuming();
    }

    public GopArchiver archiver() {
        return archiver;
    }

    private void sweep() {
        try {
            archiver.sweep();
        } catch (RuntimeException e) {
            LOG.warnf("archive sweep failed: %s", e.toString());
        }
    }

    /**
     * Stops the sweeper, then the loop: records whose GOP is stored are committed; those whose GOP is only in this
     * instance's spool (copy mode) are not, and come again to whoever owns their partition next. Their stages cannot
     * complete once the sweeper stopped, so the archiver gives them up as the loop closes
     * ({@link GopArchiver#onClosing}) and the loop does not wait its grace for them.
     */
    @Override
    public void close() {
        sweeper.shutdown();
        try {
            sweeper.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop.close();
    }
}
