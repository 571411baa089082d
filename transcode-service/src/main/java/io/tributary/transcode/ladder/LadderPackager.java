package io.tributary.transcode.ladder;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.ffmpeg.FfmpegRunner;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the worker calls to add the ladder's renditions to a channel: it packages each GOP's source rendition first,
 * as ever, then hands the GOP here and carries on; the rungs' segments come back later, in GOP order per channel.
 *
 * <pre>{@code
 * ladder.submit(LadderJob.of(channel, gopMetadata, content))
 *       .thenAccept(rungs -> lane.execute(() -> storeAndList(rungs)));   // on the channel's lane again
 * }</pre>
 *
 * <p>Thread-safe; never blocks the caller. One encoder thread per channel with work, and one ffmpeg process per GOP.
 */
public final class LadderPackager implements AutoCloseable {
    private final LadderSettings settings;
    private final Function<String, ChannelLadder> channelLadder;
    private final Map<String, ChannelLadder> channels = new ConcurrentHashMap<>();

    public LadderPackager(LadderSettings settings, FfmpegRunner ffmpeg, MeterRegistry registry) {
        this(settings, new GopLadder(settings.planner(), new RungEncoder(ffmpeg, settings.encoder())), registry);
    }

    /** With another encoding (tests: a stand-in that takes a set time). */
    public LadderPackager(LadderSettings settings, GopEncoding encoding, MeterRegistry registry) {
        this.settings = settings;
        LadderMetrics metrics = new LadderMetrics(registry, this::waiting);
        this.channelLadder = channel -> new ChannelLadder(channel, encoding, settings.lag(), metrics);
    }

    /**
     * Queues one GOP record for the channel's rungs and returns at once. The stage completes, in submission order per
     * channel, with the rungs' segments (none when the channel has no rung for its source size, the ladder is off,
     * or the GOP has no video) and the renditions the manifests must stop listing. It never completes exceptionally:
     * an encoding failure drops the rungs instead.
     */
    public CompletionStage<LadderGop> submit(LadderJob job) {
        if (!settings.enabled() || settings.planner().ladder(job.channel()).isPassthroughOnly()) {
            return CompletableFuture.completedFuture(LadderGop.none(job));
        }
        return channels.computeIfAbsent(job.channel(), channelLadder).submit(job);
    }

    /**
     * The renditions a channel gets for a source of this size, the source first: what the manifests list while no
     * rung is dropped.
     */
    public List<Rung> plan(String channel, int sourceWidth, int sourceHeight) {
        if (!settings.enabled()) {
            return List.of(Rung.source(sourceWidth, sourceHeight));
        }
        return settings.planner().plan(sourceWidth, sourceHeight, channel);
    }

    /**
     * Forgets the channel: GOPs queued for it are not encoded and their stages never complete (whoever waits on them
     * has stopped waiting: the channel left this worker or its session ended). A later GOP starts it afresh.
     */
    public void forget(String channel) {
        ChannelLadder ladder = channels.remove(channel);
        if (ladder != null) {
            ladder.close();
        }
    }

    /** GOPs waiting for an encoder, over all channels. */
    public int waiting() {
        return channels.values().stream().mapToInt(ChannelLadder::waiting).sum();
    }

    /** Stops every channel's encoder; a GOP being encoded is abandoned (its ffmpeg is killed). */
    @Override
    public void close() {
        channels.values().forEach(ChannelLadder::close);
        channels.clear();
    }
}
