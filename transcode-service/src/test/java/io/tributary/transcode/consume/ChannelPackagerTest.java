package io.tributary.transcode.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.transcode.consume.TakenOverChannel.Record;
import io.tributary.transcode.store.OutputKeys;
import io.tributary.transcode.store.SegmentRetention;
import io.tributary.transcode.store.StateJson;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A packager's step that fails is run again from the same state, the takeover replay's included (review of af14e97:
 * each failed attempt moved the replay on, so that retries during an S3 outage ended it early and stored listed
 * records over newer playlists). Over a bucket held in memory ({@link TakenOverChannel}); {@code TakeoverIT} runs the
 * real worker.
 */
class ChannelPackagerTest {
    private static final String CHANNEL = "retried";
    private static final String STATE = OutputKeys.state(CHANNEL);

    private final MemoryObjects objects = new MemoryObjects();
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final SegmentRetention retention = TakenOverChannel.retention();

    @AfterEach
    void close() {
        pool.shutdownNow();
        timer.shutdownNow();
        retention.close();
        objects.close();
    }

    @Test
    void aListedRecordWhoseStateSaveFailsIsStillListedWhenItsStepIsRetried() throws Exception {
        TakenOverChannel.storePreviousOwners(objects, CHANNEL);
        // save-every 3: the previous owner may have listed 3 records past its state object
        PackagerOutputs out = TakenOverChannel.outputs(objects, retention, pool, timer,
                new StateSaving(3, Duration.ofMinutes(10)));
        ChannelLane lane = new ChannelLane(CHANNEL, pool, () -> { });
        ChannelPackager packager = ChannelPackager.of(CHANNEL, out, lane,
                ChannelStateLoader.await(ChannelStateLoader.start(CHANNEL, objects, 6)));
        List<Record> records = TakenOverChannel.records(2, true); // the second ends the session: saved at once
        objects.failPuts(STATE, 2); // S3 away for its first two attempts

        List<CompletableFuture<Void>> handled = records.stream().map(r -> lane.submit("record " + r.gop().sequence(),
                () -> packager.accept(r.gop(), r.value())).thenCompose(Function.identity())).toList();
        handled.get(1).get(30, TimeUnit.SECONDS);
        handled.get(0).get(30, TimeUnit.SECONDS); // with the second one's save

        assertEquals(2, objects.failedPuts(STATE));
        assertEquals(List.of(STATE), TakenOverChannel.keys(objects),
                "listed on every attempt: neither segments nor manifests stored over the newer ones");
        assertEquals(1, StateJson.read(objects.puts.get(0).bytes(), ChannelState.class).lastSequence());
    }

    /**
     * The previous owner saved every 5 records, so its playlists may list up to 5 past its state object: a successor
     * saving after every record still replays them all in memory (bounded by its own 1, it stored the second over the
     * newer playlists), and the state objects it saves while replaying say 5, not its own 1: the playlists may still
     * be that far past them, for a successor of its own.
     */
    @Test
    void aSuccessorReplaysAsManyRecordsAsThePreviousOwnersCadenceAllowsNotItsOwn() throws Exception {
        TakenOverChannel.storePreviousOwners(objects, CHANNEL, ChannelState.empty().savedEvery(5));
        PackagerOutputs out = TakenOverChannel.outputs(objects, retention, pool, timer, StateSaving.EVERY_RECORD);
        ChannelLane lane = new ChannelLane(CHANNEL, pool, () -> { });
        ChannelPackager packager = ChannelPackager.of(CHANNEL, out, lane,
                ChannelStateLoader.await(ChannelStateLoader.start(CHANNEL, objects, 6)));

        for (Record r : TakenOverChannel.records(3, false)) {
            lane.submit("record " + r.gop().sequence(), () -> packager.accept(r.gop(), r.value()))
                    .thenCompose(Function.identity()).get(30, TimeUnit.SECONDS);
        }

        assertEquals(List.of(STATE, STATE, STATE), TakenOverChannel.keys(objects),
                "all three listed by the previous owner: neither segments nor manifests stored again");
        ChannelState last = StateJson.read(objects.puts.get(2).bytes(), ChannelState.class);
        assertEquals(2, last.lastSequence());
        assertEquals(5, last.saveEvery(), "saved during the replay: with its bound, not this worker's cadence");
    }
}
