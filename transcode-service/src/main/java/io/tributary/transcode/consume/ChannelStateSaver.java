package io.tributary.transcode.consume;

import io.tributary.transcode.store.OutputKeys;
import io.tributary.transcode.store.OutputObjects;
import io.tributary.transcode.store.StateJson;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A channel's state as its packager advances it, and its saves to the channel's state object
 * ({@code state/transcode/{channel}.json}), made by the packager last, after everything the state names is stored.
 *
 * <p>A record's state is saved when the cadence says so ({@link StateSaving}; after every record with the ladder on),
 * else kept in memory with a stage that completes once a later save covers
 * it ({@link UnsavedRecords}); a save step of its own ({@link #saveUnsaved}) covers the records still waiting when the
 * oldest has waited too long, when the partition is full, or when the worker closes.
 *
 * <p>Confined to the channel's lane, as its packager is; the state is volatile only so that the partition can tell an
 * ended channel.
 */
final class ChannelStateSaver {
    private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

    private final String channel;
    private final PackagerOutputs out;
    private final ChannelLane lane;
    private final UnsavedRecords unsaved;
    /** The packager's, read for the cadence a save stores. */
    private final TakeoverReplay replay;
    private volatile ChannelState state;

    ChannelStateSaver(String channel, PackagerOutputs out, ChannelLane lane, ChannelState state,
                      TakeoverReplay replay) {
        this.channel = channel;
        this.out = out;
        this.lane = lane;
        this.state = state;
        this.replay = replay;
        this.unsaved = new UnsavedRecords(channel, lane, out.saving().maxUnsavedAge(), out.saveTimer(),
                this::saveUnsaved);
    }

    /** The state after the last record handled (saved or not). */
    ChannelState state() {
        return state;
    }

    /**
     * Stores {@code next} (after a check that the channel is still this worker's) and makes it the state: the stages
     * of the records it covers complete (their offsets may be committed).
     */
    void save(ChannelState next) throws InterruptedException {
        // with the cadence it was saved at, or the takeover replay's bound while that runs: a successor's replay is
        // bounded by it, not by its own
        ChannelState saved = next.savedEvery(replay.cadenceToStore(out.saving().saveEvery()));
        lane.checkOpen();
        out.objects().putAll(List.of(OutputObjects.state(OutputKeys.state(channel), StateJson.write(saved))));
        out.metrics().stateSaved();
        state = saved;
        unsaved.saved();
    }

    /** {@code next} in memory only: no record's stage waits for it to be saved. */
    void keep(ChannelState next) {
        state = next;
    }

    /**
     * The state after a record: saved now if the cadence says so (the stages of the records it covers
     * complete), or kept in memory with a stage that completes when a later save covers the record. The first record
     * not saved starts the clock of {@link StateSaving#maxUnsavedAge}.
     *
     * @param ends the record is its session's last
     */
    CompletionStage<Void> afterRecord(ChannelState next, boolean ends) throws InterruptedException {
        if (out.saving().saveNow(unsaved.count() + 1, ends)) {
            save(next);
            return DONE;
        }
        state = next;
        return unsaved.add();
    }

    /**
     * A skipped record's stage: nothing to save for it, and it completes with the channel's unsaved records, never
     * before them (committing its offset commits theirs).
     */
    CompletionStage<Void> afterSkipped() {
        return unsaved.withLatest();
    }

    /** Saves the state in memory if records are not covered by a saved one yet (a step of its own on the lane). */
    void saveUnsaved() throws InterruptedException {
        if (unsaved.count() > 0) {
            save(state);
        }
    }
}
