package io.tributary.transcode.consume;

import io.tributary.media.gop.GopMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The channels of one partition, each with its own {@link ChannelLane}: the partition's consumer lane hands each
 * record to its channel's lane and goes on with the next record at once, so the channels of a partition progress
 * independently while each channel's records are packaged strictly in offset order. A channel's state is read from
 * storage as soon as its first record is handed over (unless the channel ended here before: {@link #endedStates}),
 * and applied by the first step of its lane; if it is still
 * loading when that step has read the record, a live record's segments are being stored meanwhile
 * ({@link EarlySegments}). So a new channel's first playlist waits for the state load and its segments together
 * (the placeholders of its new playlists going up while the segments still are), then for its manifests.
 *
 * <p>A record's stage completes when its whole output is stored (its source and, with the ladder off, a state that
 * covers it; its rungs with the ladder on), and a
 * channel whose session ended is dropped from memory once its last record's stage completed and its lane has no step
 * left (a state save queued behind that record counts). When the partition is
 * revoked, its lanes stop taking steps, their pending stages fail (the records are not acknowledged here), and
 * {@link #awaitStopped} waits a few seconds at most for the storage round in progress, so that nothing of a channel
 * is written once its next owner starts — unless that round outlives the wait (see the service doc's known limit).
 */
final class PartitionChannels {
    private static final Logger LOG = Logger.getLogger(PartitionChannels.class);
    /**
     * How long a revocation waits for the storage rounds in progress: one round of PUTs takes milliseconds; a store
     * slower than this is abandoned (logged), well within the consumer's {@code max.poll.interval.ms}.
     */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    /**
     * Ended channels whose final state a partition keeps ({@link #endedStates}): a few kilobytes each (the playlists'
     * windows); when more end, the one that ended longest ago goes.
     */
    static final int ENDED_STATES_KEPT = 64;

    private final PackagerOutputs out;
    private final QueuedRecords queued;
    // guarded by this
    private final Map<String, Channel> channels = new HashMap<>();
    /**
     * The state each channel dropped from memory ended with, by channel, least recently ended first. A publisher that
     * comes back (an encoder reconnecting, the next show), or a rewound partition handing the ended session's records
     * again, continues from it instead of reading the state object and playlists: what the load would read, since a
     * channel is dropped only once a saved state covers all it did (ladder off; with it on a state is saved after
     * every record, and the one in memory can only be newer in the rungs' progress), and while this worker holds the
     * partition no other writes the channel. Not kept for a channel taken over whose replay was not over when it
     * ended: the stored playlists may list records past its state (the previous owner's next session), which only a
     * load sees. Kept for as long as the partition stays here (a new owner starts without); guarded by this.
     */
    private final Map<String, ChannelState> endedStates = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ChannelState> eldest) {
            return size() > ENDED_STATES_KEPT;
        }
    };
    private boolean closed;
    /** Channels of a partition stopped and not yet waited for. */
    private final List<Channel> stopping = new ArrayList<>();

    /** A channel's lane, its state being loaded and, once its first step ran, its packager. */
    private static final class Channel {
        final String name;
        final ChannelLane lane;
        /**
         * Started when the channel is first seen, before its first record's step: the reads overlap the record's
         * wait for a packaging thread and its reading. Then owned by the lane's steps (the pool's hand-over orders
         * the write here before their reads); null once applied.
         */
        private CompletableFuture<ChannelStateLoader.Loaded> loading;
        /** Written and used by the lane's steps; read elsewhere to decide whether the channel may be dropped. */
        volatile ChannelPackager packager;
        /**
         * The last step queued on the lane is a state save: another one would find nothing to save, so a partition
         * that is full again (or the worker closing) queues none. Cleared when a record is queued behind it: that
         * record needs a save of its own. Guarded by the partition's lock.
         */
        boolean saveIsLast;
        /** Records handed to the channel whose stage has not completed. Guarded by the partition's lock. */
        int inFlight;

        /**
         * @param afterStep told after each step of the channel's lane (a save step may be its last one)
         * @param ended     the state the channel ended with on this worker, or null: its state is read from storage
         */
        Channel(String name, PackagerOutputs out, Consumer<Channel> afterStep, ChannelState ended) {
            this.name = name;
            this.lane = new ChannelLane(name, out.lanes(), () -> afterStep.accept(this));
            // its packager's takeover replay was over: no stored playlist is ahead of the state it ended with
            this.loading = ended != null ? CompletableFuture.completedFuture(new ChannelStateLoader.Loaded(ended, null))
                    : ChannelStateLoader.start(name, out.objects(), out.windowSize());
        }

        /**
         * A step of the lane: the record, to its packager. On the channel's first step the record is read and
         * packaged while the state loads, its segments' uploads started if the state is still loading by then (a live
         * record only: {@link EarlySegments}), and the state is applied before the record is admitted: a worker taking
         * a channel over continues its sequence. A failed load or a failed store fails the step; its retry reads the
         * state again and stores again (what it stored early is known to this attempt only).
         */
        CompletionStage<Void> accept(PackagerOutputs out, GopMetadata gop, byte[] value) throws InterruptedException {
            if (packager != null) {
                return packager.accept(gop, value);
            }
            CompletableFuture<ChannelStateLoader.Loaded> loaded = loading;
            loading = null;
            if (loaded == null) {
                loaded = ChannelStateLoader.start(name, out.objects(), out.windowSize());
            }
            long started = System.nanoTime();
            long waitedMillis = out.clock().millis() - gop.closedAtEpochMillis(); // GOP close → this step (Kafka, lane)
            GopReading record = new GopReading(name, gop, value, out.metrics()).readNow();
            long read = System.nanoTime();
            EarlySegments earlySegments = loaded.isDone() ? EarlySegments.NONE
                    : EarlySegments.start(record, out, lane::checkOpen);
            long stateLoaded;
            CompletionStage<Void> stage;
            try {
                packager = ChannelPackager.of(name, out, lane, ChannelStateLoader.await(loaded));
                stateLoaded = System.nanoTime();
                stage = packager.accept(record, earlySegments);
            } catch (RuntimeException | Error e) {
                // nothing of a failed step may still be uploading when its retry (or the channel's next owner) stores
                // the same objects again; an interrupted one (the worker stopping) leaves its uploads to end by
                // themselves, as an interrupted putAll always has
                earlySegments.awaitQuietly();
                throw e;
            }
            if (LOG.isDebugEnabled()) {
                // where a new channel's first playlist waits (issue 10's first playable): ms from the step's start
                LOG.debugf("channel %s first record: read %d ms, segments started early %s, state at %d ms,"
                        + " manifests stored at %d ms; GOP closed %d ms before the step", name,
                        ms(read - started), earlySegments != EarlySegments.NONE, ms(stateLoaded - started),
                        ms(System.nanoTime() - started), waitedMillis);
            }
            return stage;
        }

        private static long ms(long nanos) {
            return nanos / 1_000_000;
        }

        /** A step of the lane: the records handled so far saved in the state object, if any is not yet. */
        Void saveUnsaved() throws InterruptedException {
            ChannelPackager p = packager;
            if (p != null) {
                p.saveUnsaved();
            }
            return null;
        }

        /** Its session ended and nothing of it is queued, running or awaited. */
        boolean ended() {
            ChannelPackager p = packager;
            return p != null && p.state().sessionEnded() && p.idle() && lane.idle();
        }
    }

    /** @param workerQueued the worker's count of records handed to channels and not packaged yet (all partitions') */
    PartitionChannels(PackagerOutputs out, QueuedRecords workerQueued) {
        this.out = out;
        this.queued = workerQueued.partitionShare();
    }

    /** Whether this partition's records may be handed over: its share and the worker's count under their bounds. */
    boolean accepting() {
        return queued.accepting();
    }

    /**
     * Queues the record on its channel's lane and returns at once, with a stage that completes when the record's
     * whole output is stored (see {@link ChannelPackager#accept}), or fails if the partition leaves first.
     */
    synchronized CompletionStage<Void> accept(String channel, GopMetadata gop, byte[] value) {
        if (closed) {
            return CompletableFuture.failedFuture(new ChannelClosedException(channel));
        }
        Channel c = channels.get(channel);
        if (c == null || c.lane.isClosed()) {
            c = new Channel(channel, out, this::dropIfEnded, endedStates.remove(channel));
            channels.put(channel, c);
        }
        Channel ch = c;
        ch.saveIsLast = false;
        ch.inFlight++;
        String what = "session " + gop.sessionId() + " seq " + gop.sequence();
        queued.add(value.length);
        CompletableFuture<CompletionStage<Void>> packaged;
        try {
            packaged = c.lane.submit(what, () -> ch.accept(out, gop, value));
            packaged.whenComplete((ignored, error) -> queued.remove(value.length)); // the step is over: bytes dropped
        } catch (RuntimeException | Error e) {
            queued.remove(value.length); // never counted for good: the worker would take nothing ever again
            throw e;
        }
        CompletableFuture<Void> done = c.lane.guard(packaged.thenCompose(Function.identity()));
        done.whenComplete((ignored, error) -> recordDone(ch));
        return done;
    }

    private synchronized void recordDone(Channel c) {
        c.inFlight--;
        dropIfEnded(c);
    }

    /**
     * The partition is full (the loop hands over no record until one in flight completes): the channel with the most
     * records in flight saves its state, as a step behind them, so that they complete and the loop hands over as many
     * again. One channel per fill keeps the saves near the {@code save-every} cadence: every channel saving at each
     * fill saved 85 % more often at 64 streams (bench/load, session 6), most of them for a record or two. A channel
     * whose last queued step is a save already is passed over: that save is on its way.
     *
     * @param why names the step in a log line
     */
    synchronized void saveFullest(String why) {
        if (closed) {
            return;
        }
        Channel fullest = null;
        for (Channel c : channels.values()) {
            if (!c.saveIsLast && c.inFlight > 0 && (fullest == null || c.inFlight > fullest.inFlight)) {
                fullest = c;
            }
        }
        if (fullest != null) {
            fullest.saveIsLast = true;
            fullest.lane.submit(why, fullest::saveUnsaved);
        }
    }

    /**
     * Each channel saves the state of the records it handled, as a step behind those queued on its lane, so that
     * their stages complete when the worker is closing (they are committed within the loop's grace rather than
     * handed to the next owner). A channel whose last queued step is such a save already gets no second one. Once the step has run, the lane
     * tells {@link #dropIfEnded}: the save may have been queued behind the last record of an ended channel.
     *
     * @param why names the step in a log line
     */
    synchronized void saveUnsaved(String why) {
        if (closed) {
            return;
        }
        // a copy: a lane closed meanwhile fails the step at once, and its channel may be dropped from the map then
        for (Channel c : new ArrayList<>(channels.values())) {
            if (!c.saveIsLast) {
                c.saveIsLast = true;
                c.lane.submit(why, c::saveUnsaved);
            }
        }
    }

    /** Channels held in memory. */
    synchronized int size() {
        return channels.size();
    }

    /**
     * Memory goes to channels that are live: an ended one is dropped once its last record's output is stored and its
     * lane has nothing left (asked when a record's stage completes and after each step of its lane).
     */
    private synchronized void dropIfEnded(Channel c) {
        if (channels.get(c.name) == c && c.ended()) {
            channels.remove(c.name);
            if (c.packager.stateIsWhole()) {
                endedStates.put(c.name, c.packager.state());
            }
            c.lane.close();
            if (out.ladder() != null) {
                out.ladder().forget(c.name);
            }
        }
    }

    /**
     * The partition left this worker: no step starts any more, pending stages fail and the ladder forgets the
     * channels' queued GOPs; returns at once. {@link #awaitStopped} then waits for the storage rounds in progress
     * ({@link #CLOSE_WAIT} at most), once for all the partitions revoked together.
     */
    void stop() {
        List<Channel> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(channels.values());
            channels.clear();
            endedStates.clear();
            stopping.addAll(all);
        }
        for (Channel c : all) {
            c.lane.close(); // its packager checks it between storage rounds
            if (out.ladder() != null) {
                out.ladder().forget(c.name);
            }
        }
    }

    /** Waits for the storage rounds in progress of the channels stopped, until the deadline (System.nanoTime). */
    void awaitStopped(long deadline) {
        List<Channel> all;
        synchronized (this) {
            all = new ArrayList<>(stopping);
            stopping.clear();
        }
        try {
            for (Channel c : all) {
                if (!c.lane.awaitStopped(deadline)) {
                    LOG.warnf("channel %s: storage still in progress %s after the partition left; abandoned",
                            c.name, CLOSE_WAIT);
                }
                if (out.ladder() != null) {
                    // again: a step that was past its last check when the lane closed may have handed it a GOP
                    out.ladder().forget(c.name);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
