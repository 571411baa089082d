package io.tributary.transcode.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.gop.GopMetadata;
import io.tributary.transcode.consume.TakenOverChannel.Record;
import io.tributary.transcode.manifest.live.Boundary;
import io.tributary.transcode.manifest.live.LivePresentation;
import io.tributary.transcode.store.OutputKeys;
import io.tributary.transcode.store.StateJson;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When a channel whose session ended leaves memory, which state saves a full partition queues (review of af14e97: a
 * save queued behind a channel's last record kept the channel in memory for good), and when an ended channel's records
 * coming again are known from the state it ended with. Over a bucket held in
 * memory ({@link TakenOverChannel}: only state objects are stored), the channels' lanes run by the test, on its thread.
 */
class PartitionChannelsTest {
    private static final String CHANNEL = "ended";
    private static final String STATE = OutputKeys.state(CHANNEL);
    private static final String OTHER = "other";
    private static final String BACK = "back";

    private final PackagingParts parts = new PackagingParts();

    @AfterEach
    void close() {
        parts.close();
    }

    private PartitionChannels channels(StateSaving saving) {
        TakenOverChannel.storePreviousOwners(parts.objects, CHANNEL);
        return new PartitionChannels(parts.outputs(saving),
                new QueuedRecords(WorkerSettings.DEFAULT_MAX_QUEUED_BYTES));
    }

    private static CompletionStage<Void> accept(PartitionChannels channels, Record r) {
        return channels.accept(CHANNEL, r.gop(), r.value());
    }

    private void runLanes() {
        for (Runnable drain = parts.lanes.poll(); drain != null; drain = parts.lanes.poll()) {
            drain.run();
        }
    }

    private static boolean done(CompletionStage<Void> stage) {
        return stage.toCompletableFuture().isDone() && !stage.toCompletableFuture().isCompletedExceptionally();
    }

    @Test
    void anEndedChannelIsDroppedOnceAFullPartitionsSaveQueuedBehindItsLastRecordHasRun() {
        PartitionChannels channels = channels(new StateSaving(3, Duration.ofMinutes(10)));
        List<Record> records = TakenOverChannel.records(2, true);
        CompletionStage<Void> first = accept(channels, records.get(0));
        CompletionStage<Void> last = accept(channels, records.get(1));
        channels.saveFullest("state save, partition full"); // behind the last record, which saves on its own

        runLanes();

        assertTrue(done(first) && done(last));
        assertEquals(List.of(STATE), TakenOverChannel.keys(parts.objects),
                "the last record saved; the step had nothing");
        assertEquals(0, channels.size(), "the session ended and nothing of the channel is left");
    }

    @Test
    void anEndedChannelIsDroppedOnceTheAgeBoundsSaveQueuedBehindItsLastRecordHasRun() throws Exception {
        PartitionChannels channels = channels(new StateSaving(3, Duration.ofMillis(1)));
        CountDownLatch timerMayRun = new CountDownLatch(1);
        parts.timer.execute(() -> {
            try {
                timerMayRun.await(); // the age bound's save step comes once the last record is queued
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<Record> records = TakenOverChannel.records(2, true);
        CompletionStage<Void> first = accept(channels, records.get(0));
        runLanes(); // the first record waits for a save, and the age bound's clock starts
        CompletionStage<Void> last = accept(channels, records.get(1));
        timerMayRun.countDown();
        // the save step was handed over before this
        parts.timer.schedule(() -> { }, 100, TimeUnit.MILLISECONDS).get();

        runLanes();

        assertTrue(done(first) && done(last));
        assertEquals(0, channels.size(), "the session ended and nothing of the channel is left");
    }

    /**
     * Records handed to a channel count against the worker's bound in bytes from their hand-over until their
     * channel's step for them is over, not until a state save covers them: then the worker takes records again. A
     * partition may hold half of the worker's bytes at most, so that one stuck channel (its lane retrying a step for
     * good) stops its own partition only.
     */
    @Test
    void queuedRecordsCountUntilTheirStepIsOverNotUntilTheirSave() {
        TakenOverChannel.storePreviousOwners(parts.objects, CHANNEL);
        List<Record> records = TakenOverChannel.records(2, false);
        int first = records.get(0).value().length;
        QueuedRecords queued = new QueuedRecords(first + 1);
        AtomicInteger handOversAgain = new AtomicInteger();
        queued.onBelowBound(handOversAgain::incrementAndGet);
        PartitionChannels channels = new PartitionChannels(parts.outputs(new StateSaving(5, Duration.ofMinutes(10))),
                queued);

        CompletionStage<Void> one = accept(channels, records.get(0));
        assertTrue(queued.accepting(), "one record under the bound");
        assertFalse(channels.accepting(), "but over the partition's share: half the worker's bytes");
        CompletionStage<Void> two = accept(channels, records.get(1));
        assertFalse(queued.accepting(), "two records at the bound: the loop hands over no more");

        runLanes();

        assertEquals(0, queued.bytes());
        assertTrue(queued.accepting());
        assertTrue(channels.accepting());
        assertTrue(handOversAgain.get() >= 1, "the loop is told when a count fell below its bound");
        assertFalse(done(one) || done(two), "both still wait for a state save, holding no media");
    }

    /**
     * Hands both records of a session that ends, then the last one again (the partition rewound: another channel's
     * record failed), and returns the keys read for that last hand-over.
     */
    private List<String> readsWhenAnEndedChannelsRecordComesAgain(PartitionChannels channels, String channel) {
        List<Record> records = TakenOverChannel.records(2, true);
        channels.accept(channel, records.get(0).gop(), records.get(0).value());
        channels.accept(channel, records.get(1).gop(), records.get(1).value());
        runLanes();
        assertEquals(0, channels.size(), "the session ended and nothing of the channel is left");
        parts.objects.reads.clear();

        CompletionStage<Void> again = channels.accept(channel, records.get(1).gop(), records.get(1).value());
        runLanes();

        assertTrue(done(again), "known to be stored: the channel's state covers it");
        assertEquals(0, channels.size(), "ended again: dropped again");
        return List.copyOf(parts.objects.reads);
    }

    @Test
    void anEndedChannelHandedRecordsAgainContinuesFromTheStateItEndedWithWithoutReadingStorage() {
        PartitionChannels channels = channels(new StateSaving(3, Duration.ofMinutes(10)));
        // its state object covers the session, which ended, and no playlist is ahead of it: no takeover replay
        List<Record> records = TakenOverChannel.records(2, true);
        GopMetadata last = records.get(1).gop();
        parts.objects.bucket.put(OutputKeys.state(BACK), StateJson.write(new ChannelState(ChannelState.SCHEMA_VERSION,
                TakenOverChannel.SESSION, last.sequence(), last.mediaStartMillis() + last.mediaDurationMillis(),
                records.get(0).gop().closedAtEpochMillis(), true, List.of(), Boundary.NONE, LivePresentation.empty(),
                List.of(), RungProgress.NONE, 3)));

        List<String> stored = TakenOverChannel.keys(parts.objects);

        assertEquals(List.of(), readsWhenAnEndedChannelsRecordComesAgain(channels, BACK),
                "neither the state object nor a playlist read again");
        assertEquals(stored, TakenOverChannel.keys(parts.objects),
                "nothing stored: the state covered the session already");
    }

    @Test
    void anEndedChannelWhoseTakeoverReplayWasNotOverIsReadAgain() {
        // the stored playlist lists S-99, past what the records reach: the replay still waited for it at the end (the
        // previous owner's next session may be listed past the state, which only a load sees)
        PartitionChannels channels = channels(new StateSaving(3, Duration.ofMinutes(10)));

        List<String> reads = readsWhenAnEndedChannelsRecordComesAgain(channels, CHANNEL);

        // the audio playlist's read is started too, but a channel with a source playlist does not wait for it
        assertTrue(reads.containsAll(List.of(STATE, OutputKeys.mediaPlaylist(CHANNEL, Renditions.SOURCE))),
                "loaded again: " + reads);
    }

    /**
     * Two records of {@link #CHANNEL} handed over, then one of {@link #OTHER}: their stages, in that order (none saved
     * on its own at save-every 5).
     */
    private List<CompletionStage<Void>> twoBusyOneQuiet(PartitionChannels channels) {
        TakenOverChannel.storePreviousOwners(parts.objects, OTHER);
        List<Record> records = TakenOverChannel.records(2, false);
        return List.of(accept(channels, records.get(0)), accept(channels, records.get(1)),
                channels.accept(OTHER, records.get(0).gop(), records.get(0).value()));
    }

    @Test
    void aFullPartitionSavesTheChannelWithTheMostRecordsInFlightOnly() {
        PartitionChannels channels = channels(new StateSaving(5, Duration.ofMinutes(10)));
        List<CompletionStage<Void>> stages = twoBusyOneQuiet(channels);

        channels.saveFullest("state save, partition full");
        runLanes();

        assertTrue(done(stages.get(0)) && done(stages.get(1)), "the fullest channel's records are covered by its save");
        assertEquals(List.of(STATE), TakenOverChannel.keys(parts.objects), "one save, the fullest channel's");
        assertFalse(stages.get(2).toCompletableFuture().isDone(), "the other channel keeps its cadence (save-every 5)");

        channels.saveFullest("state save, partition full"); // the partition full again: the next fullest saves
        runLanes();

        assertTrue(done(stages.get(2)));
        assertEquals(List.of(STATE, OutputKeys.state(OTHER)), TakenOverChannel.keys(parts.objects));
    }

    @Test
    void aFullPartitionPassesOverTheFullestChannelWhileItsQueuedSaveIsStillWaiting() {
        PartitionChannels channels = channels(new StateSaving(5, Duration.ofMinutes(10)));
        List<CompletionStage<Void>> stages = twoBusyOneQuiet(channels);

        channels.saveFullest("state save, partition full");
        channels.saveFullest("state save, partition full"); // before any lane ran: the fullest's save is on its way
        runLanes();

        assertTrue(stages.stream().allMatch(PartitionChannelsTest::done), "one save each");
        assertEquals(List.of(STATE, OutputKeys.state(OTHER)),
                TakenOverChannel.keys(parts.objects).stream().sorted().toList(),
                "no second save of the fullest channel");
    }

    @Test
    void aFullPartitionQueuesAnotherSaveBehindRecordsQueuedAfterAnEarlierSaveStillWaiting() {
        PartitionChannels channels = channels(new StateSaving(3, Duration.ofMinutes(10)));
        List<Record> records = TakenOverChannel.records(2, false);
        CompletionStage<Void> first = accept(channels, records.get(0));
        channels.saveFullest("state save, partition full");
        channels.saveFullest("state save, partition full"); // nothing new behind the first save: no step queued
        CompletionStage<Void> second = accept(channels, records.get(1));
        channels.saveFullest("state save, partition full"); // the first save, still waiting, does not cover it

        runLanes();

        assertTrue(done(first) && done(second), "each record's stage completed with a save behind it");
        assertEquals(List.of(STATE, STATE), TakenOverChannel.keys(parts.objects));
        assertEquals(1, channels.size(), "its session goes on");
    }
}
