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
        ChannelLane lane = new ChannelLane(CHANNEL, pool);
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
}
