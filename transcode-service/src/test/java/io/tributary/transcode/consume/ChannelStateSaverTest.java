package io.tributary.transcode.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopMetadata;
import io.tributary.storage.StoredObject;
import io.tributary.transcode.manifest.live.Boundary;
import io.tributary.transcode.metrics.TranscodeMetrics;
import io.tributary.transcode.store.OutputKeys;
import io.tributary.transcode.store.StateJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When a channel's state object is written (ladder off, issue 10) and which records' stages complete with it. Over a
 * bucket held in memory ({@link MemoryObjects}); {@code StateSavingIT} runs the real worker against the real one.
 */
class ChannelStateSaverTest {
    private static final String CHANNEL = "saver";
    private static final Instant T0 = Instant.parse("2026-11-27T06:00:00Z");

    private final MemoryObjects objects = new MemoryObjects();
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ChannelLane lane = new ChannelLane(CHANNEL, pool, () -> { });
    /** Every 3 records, and an age bound no test reaches. */
    private final PackagerOutputs out = new PackagerOutputs(objects, null, null,
            new TranscodeMetrics(new SimpleMeterRegistry()), 6, Duration.ofSeconds(30), Clock.systemUTC(), null, pool,
            new StateSaving(3, Duration.ofMinutes(10)), timer);
    /** Not a channel taken over with its playlists ahead of its state: no replay. */
    private final ChannelStateSaver saver = new ChannelStateSaver(CHANNEL, out, lane, ChannelState.empty(),
            new TakeoverReplay(null, 3));

    @AfterEach
    void stop() {
        pool.shutdownNow();
        timer.shutdownNow();
        objects.close();
    }

    @Test
    void aRecordIsSavedWithTheTwoBeforeItAndTheirStagesCompleteTogether() throws Exception {
        CompletionStage<Void> first = saver.afterRecord(after(0, false), false);
        CompletionStage<Void> second = saver.afterRecord(after(1, false), false);
        assertEquals(List.of(), objects.puts, "the first two are kept in memory");
        assertFalse(first.toCompletableFuture().isDone() || second.toCompletableFuture().isDone());
        assertEquals(1, saver.state().lastSequence(), "the state in memory advances per record");

        CompletionStage<Void> third = saver.afterRecord(after(2, false), false);

        assertTrue(first.toCompletableFuture().isDone() && second.toCompletableFuture().isDone()
                && third.toCompletableFuture().isDone());
        assertEquals(List.of(2L), savedSequences());
    }

    @Test
    void theSessionsLastRecordIsSavedAtOnce() throws Exception {
        CompletionStage<Void> first = saver.afterRecord(after(0, false), false);
        CompletionStage<Void> last = saver.afterRecord(after(1, true), true);

        assertTrue(first.toCompletableFuture().isDone() && last.toCompletableFuture().isDone());
        assertEquals(List.of(1L), savedSequences());
    }

    @Test
    void aSkippedRecordCompletesWithTheUnsavedRecordsBeforeItWhenASaveStepCoversThem() throws Exception {
        CompletionStage<Void> handled = saver.afterRecord(after(0, false), false);
        CompletionStage<Void> skipped = saver.afterSkipped();
        assertFalse(skipped.toCompletableFuture().isDone(), "committing it would commit record 0 unsaved");

        saver.saveUnsaved(); // a full partition, the age bound or the worker closing

        assertTrue(handled.toCompletableFuture().isDone() && skipped.toCompletableFuture().isDone());
        assertEquals(List.of(0L), savedSequences());
    }

    @Test
    void nothingIsWrittenWhenNothingIsUnsaved() throws Exception {
        assertTrue(saver.afterSkipped().toCompletableFuture().isDone(), "nothing to wait for");
        saver.saveUnsaved();
        saver.keep(after(0, false));
        assertEquals(List.of(), objects.puts);
        assertEquals(0, saver.state().lastSequence(), "kept in memory");
    }

    @Test
    void aChannelThatLeftThisWorkerSavesNothing() throws Exception {
        saver.afterRecord(after(0, false), false);
        lane.close();

        assertThrows(ChannelClosedException.class, saver::saveUnsaved);
        assertEquals(List.of(), objects.puts);
    }

    /**
     * A successor saving every 3 records that replays a predecessor's listing, which may reach 5 records past its state
     * object: a state it saves during the replay says 5 (saying 3, a successor of its own would store listed records
     * over newer playlists); once the replay is over, its own 3.
     */
    @Test
    void aStateSavedDuringATakeoverReplayStoresTheReplaysBoundAndOursOnceItIsOver() throws Exception {
        TakeoverReplay replay = new TakeoverReplay(new PublishedThrough("S", 3), 5);
        ChannelStateSaver replaying = new ChannelStateSaver(CHANNEL, out, lane, ChannelState.empty(), replay);

        replaying.save(after(0, false));
        replay.advance(replay.listing(gop(3, false))); // the published-through record: the replay is over
        replaying.save(after(3, false));

        assertEquals(List.of(5, 3), objects.puts.stream()
                .map(o -> StateJson.read(o.bytes(), ChannelState.class).saveEvery()).toList());
    }

    /** The sequences of the states written, in order; each object checked to be the channel's state object. */
    private List<Long> savedSequences() {
        List<Long> sequences = new ArrayList<>();
        for (StoredObject o : objects.puts) {
            assertEquals(OutputKeys.state(CHANNEL), o.key());
            sequences.add(StateJson.read(o.bytes(), ChannelState.class).lastSequence());
        }
        return sequences;
    }

    private static GopMetadata gop(long sequence, boolean last) {
        EnumSet<GopFlag> flags = last ? EnumSet.of(GopFlag.LAST) : EnumSet.noneOf(GopFlag.class);
        return GopMetadata.of("S", sequence, sequence * 2000, 2000, T0.toEpochMilli() + sequence * 2000, flags);
    }

    private static ChannelState after(long sequence, boolean last) {
        return ChannelState.empty().after(gop(sequence, last), Boundary.NONE, ChannelState.empty().presentation(),
                List.of());
    }
}
