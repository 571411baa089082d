package io.tributary.transcode.consume;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A channel's records handled since its state was last saved (ladder off, {@link StateSaving}), each with the stage
 * the loop waits on before it commits the record: they complete together when a state covering them is stored. The
 * first record of a batch starts the clock of {@link StateSaving#maxUnsavedAge}: once it runs out, the worker's one
 * timer hands the channel's lane a save step. Confined to the channel's lane, as its packager is.
 */
final class UnsavedRecords {
    private static final Logger LOG = Logger.getLogger(UnsavedRecords.class);

    /** Stores the channel's state as it is in memory (a step on its lane). */
    interface Save {
        void run() throws InterruptedException;
    }

    private final String channel;
    private final ChannelLane lane;
    private final Duration maxAge;
    private final ScheduledExecutorService timer;
    private final Save save;
    private final List<CompletableFuture<Void>> stages = new ArrayList<>();
    /** Saves so far: a save the timer asks for is not needed once another one came first. */
    private long saves;
    /** The age bound's save of the current batch; cancelled when a save comes first. */
    private ScheduledFuture<?> ageSave;

    UnsavedRecords(String channel, ChannelLane lane, Duration maxAge, ScheduledExecutorService timer, Save save) {
        this.channel = channel;
        this.lane = lane;
        this.maxAge = maxAge;
        this.timer = timer;
        this.save = save;
    }

    int count() {
        return stages.size();
    }

    /** One more record handled and not saved: its stage completes once a saved state covers it. */
    CompletableFuture<Void> add() {
        CompletableFuture<Void> stage = new CompletableFuture<>();
        stages.add(stage);
        if (stages.size() == 1) {
            saveAfterMaxAge();
        }
        return stage;
    }

    /**
     * A record skipped while earlier ones wait for their save: its stage completes with theirs, not before. Skipped
     * against the state in memory (a replay of a record handled but not saved yet, after the partition was fetched
     * again), it must not let the loop commit past records whose state no saved object holds. It does not count
     * towards {@link StateSaving#saveEvery}: it changed nothing to save.
     */
    CompletableFuture<Void> withLatest() {
        return stages.isEmpty() ? CompletableFuture.completedFuture(null) : stages.get(stages.size() - 1)
                .thenApply(ignored -> null);
    }

    /** A state covering every record handled is stored: their stages complete (their offsets may be committed). */
    void saved() {
        saves++;
        if (ageSave != null) {
            ageSave.cancel(false); // not an empty lane step per batch the count saved in time
            ageSave = null;
        }
        List<CompletableFuture<Void>> covered = List.copyOf(stages);
        stages.clear();
        covered.forEach(stage -> stage.complete(null));
    }

    private void saveAfterMaxAge() {
        long batch = saves;
        try {
            ageSave = timer.schedule(() -> lane.submit("state save of records waiting " + maxAge, () -> {
                if (saves == batch && !stages.isEmpty()) {
                    save.run();
                }
                return null;
            }), maxAge.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the worker is stopping: the records stay uncommitted, and the next owner replays them
            LOG.debugf("channel %s: no state save scheduled, the worker is stopping", channel);
        }
    }
}
