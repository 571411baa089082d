package io.tributary.transcode.ladder;

import io.tributary.media.flv.VideoTag;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * One channel's ladder encoder: its GOPs are encoded one after the other on the channel's own thread, off the
 * consumer's lanes, so the source rendition never waits for a rung. Results come in submission order.
 *
 * <p>A rendition that cannot keep up is dropped for the rest of the session, and the others continue:
 * <ul>
 *   <li>slower than {@link LagPolicy#minSpeed()} over {@link LagPolicy#window()} GOPs: the largest active rung is
 *       dropped (it costs most), and the speed is measured afresh for the remaining ones;</li>
 *   <li>{@link LagPolicy#maxBacklog()} GOPs already waiting: the GOP is not encoded; every rung would miss it, so
 *       every rung is dropped (a listed rung never has a gap);</li>
 *   <li>a GOP ffmpeg fails on, or a continuation record without the record it continues: likewise, every rung.</li>
 * </ul>
 * A new session starts with the whole ladder again. Everything but the backlog count is confined to the channel's
 * thread, which ends after a minute without work.
 */
final class ChannelLadder implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ChannelLadder.class);
    /**
     * The ingest's own limit on one GOP in memory (64 MiB): a continuation's context never needs more, and the
     * ladder never holds more than that per channel.
     */
    static final long MAX_CONTEXT_BYTES = 64L << 20;

    private final String channel;
    private final GopEncoding encoding;
    private final LagPolicy lag;
    private final LadderMetrics metrics;
    private final ThreadPoolExecutor thread;
    private final AtomicInteger waiting = new AtomicInteger();

    // confined to the channel's thread
    private String sessionId;
    private final Set<String> dropped = new LinkedHashSet<>();
    private boolean allDropped;
    private List<String> active = List.of();
    private final SpeedWindow speed;
    private List<VideoTag> context = List.of();
    private long contextSequence = -1;

    ChannelLadder(String channel, GopEncoding encoding, LagPolicy lag, LadderMetrics metrics) {
        this.channel = channel;
        this.encoding = encoding;
        this.lag = lag;
        this.metrics = metrics;
        this.speed = new SpeedWindow(lag.window());
        this.thread = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "ladder-" + channel);
            t.setDaemon(true);
            return t;
        });
        thread.allowCoreThreadTimeOut(true);
    }

    /** Queues the GOP; returns at once. The result never completes exceptionally (failures are drops). */
    CompletableFuture<LadderGop> submit(LadderJob job) {
        if (waiting.get() >= lag.maxBacklog()) {
            // queued behind the waiting GOPs, so that results stay in order; it holds no media
            String session = job.sessionId();
            long sequence = job.sequence();
            return CompletableFuture.supplyAsync(() -> refused(session, sequence), thread);
        }
        waiting.incrementAndGet();
        return CompletableFuture.supplyAsync(() -> run(job), thread);
    }

    /** GOPs waiting for the encoder. */
    int waiting() {
        return waiting.get();
    }

    private LadderGop run(LadderJob job) {
        waiting.decrementAndGet();
        follow(job.sessionId());
        if (allDropped) {
            return result(job.sequence(), List.of());
        }
        try {
            List<VideoTag> tags = GopLadder.videoTags(job.content());
            List<VideoTag> before = List.of();
            if (!GopLadder.startsWithKeyframe(tags)) {
                if (context.isEmpty() || contextSequence != job.sequence() - 1) {
                    dropAll(LadderMetrics.UNDECODABLE, "GOP " + job.sequence() + " continues a record not seen");
                    return result(job.sequence(), List.of());
                }
                before = context;
            }
            remember(job, before, tags);
            EncodedGop gop = encoding.encode(job, before, Set.copyOf(dropped));
            if (!gop.encodedAnything()) {
                return result(job.sequence(), List.of());
            }
            metrics.encoded(gop);
            active = gop.segments().stream().map(RungSegment::rendition).toList();
            speed.add(gop.media(), gop.wall());
            if (speed.full() && speed.speed() < lag.minSpeed()) {
                drop(active.get(0), LadderMetrics.SLOW, String.format("encoding at %.2fx real time over %d GOPs",
                        speed.speed(), lag.window()));
                speed.clear();
            }
            return result(job.sequence(), gop.segments().stream().filter(s -> !dropped.contains(s.rendition()))
                    .toList());
        } catch (RuntimeException e) {
            dropAll(LadderMetrics.FAILED, "GOP " + job.sequence() + ": " + e.getMessage());
            return result(job.sequence(), List.of());
        } finally {
            if (job.last()) {
                forget();
            }
        }
    }

    private LadderGop refused(String session, long sequence) {
        follow(session);
        if (!allDropped) {
            dropAll(LadderMetrics.BACKLOG, "more than " + lag.maxBacklog() + " GOPs waiting at GOP " + sequence);
        }
        return result(sequence, List.of());
    }

    /** A GOP of another session starts the ladder afresh. */
    private void follow(String session) {
        if (!session.equals(sessionId)) {
            sessionId = session;
            dropped.clear();
            allDropped = false;
            active = List.of();
            speed.clear();
            forget();
        }
    }

    /** Keeps the GOP's video (after its own context, for a continuation) for a continuation that may follow. */
    private void remember(LadderJob job, List<VideoTag> before, List<VideoTag> tags) {
        List<VideoTag> kept = new ArrayList<>(before.size() + tags.size());
        kept.addAll(before);
        kept.addAll(tags);
        long bytes = kept.stream().mapToLong(t -> t.body().length).sum();
        context = bytes <= MAX_CONTEXT_BYTES ? kept : List.of();
        contextSequence = job.sequence();
    }

    private void forget() {
        context = List.of();
        contextSequence = -1;
    }

    private void drop(String rendition, String reason, String detail) {
        if (dropped.add(rendition)) {
            LOG.warnf("channel %s session %s: rendition %s dropped from the manifests (%s): %s", channel, sessionId,
                    rendition, reason, detail);
            metrics.dropped(reason, 1);
        }
    }

    private void dropAll(String reason, String detail) {
        int before = dropped.size();
        dropped.addAll(active);
        allDropped = true;
        LOG.warnf("channel %s session %s: every rung dropped from the manifests (%s): %s", channel, sessionId, reason,
                detail);
        metrics.dropped(reason, Math.max(1, dropped.size() - before));
    }

    private LadderGop result(long sequence, List<RungSegment> segments) {
        return new LadderGop(channel, sessionId, sequence, segments, dropped, allDropped);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
