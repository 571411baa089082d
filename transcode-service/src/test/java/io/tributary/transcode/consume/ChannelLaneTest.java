package io.tributary.transcode.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A channel's steps: in order, retried, independent of other channels, and let go of at once when closed. */
class ChannelLaneTest {
    /** Only bounds a test that would otherwise hang; nothing here measures speed. */
    private static final long PATIENCE_SECONDS = 60;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /** A lane whose owner does nothing after a step. */
    private ChannelLane lane(String channel) {
        return new ChannelLane(channel, pool, () -> { });
    }

    private static <T> T result(CompletableFuture<T> stage) throws Exception {
        return stage.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletableFuture<?> stage) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> stage.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
        return e.getCause();
    }

    @Test
    void tellsItsOwnerAfterEachStepIdleOnceNothingElseWaits() throws Exception {
        List<Boolean> idleAfter = new CopyOnWriteArrayList<>();
        CountDownLatch told = new CountDownLatch(2);
        CompletableFuture<ChannelLane> owner = new CompletableFuture<>();
        ChannelLane lane = new ChannelLane("a", pool, () -> {
            idleAfter.add(owner.join().idle());
            told.countDown();
        });
        owner.complete(lane);
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        lane.submit("record", () -> {
            firstMayEnd.await();
            return 1;
        });
        lane.submit("state save", () -> 2);
        firstMayEnd.countDown();

        assertTrue(told.await(PATIENCE_SECONDS, TimeUnit.SECONDS));
        assertEquals(List.of(false, true), idleAfter, "a save step queued behind a record is the lane's last step");
    }

    @Test
    void runsTheStepsOfAChannelOneAfterAnotherInOrder() throws Exception {
        ChannelLane lane = lane("a");
        List<Integer> ran = new CopyOnWriteArrayList<>();
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        CompletableFuture<Integer> first = lane.submit("1", () -> {
            firstMayEnd.await();
            ran.add(1);
            return 1;
        });
        CompletableFuture<Integer> second = lane.submit("2", () -> {
            ran.add(2);
            return 2;
        });
        assertFalse(second.isDone(), "the second waits for the first");
        firstMayEnd.countDown();
        assertEquals(2, result(second));
        assertEquals(1, result(first));
        assertEquals(List.of(1, 2), ran);
    }

    @Test
    void aChannelBlockedOnStorageDoesNotHoldUpAnotherChannel() throws Exception {
        ChannelLane slow = lane("slow");
        ChannelLane fast = lane("fast");
        CountDownLatch storageBack = new CountDownLatch(1);
        CompletableFuture<String> blocked = slow.submit("slow 0", () -> {
            storageBack.await();
            return "slow";
        });
        assertEquals("fast", result(fast.submit("fast 0", () -> "fast")));
        assertEquals("fast", result(fast.submit("fast 1", () -> "fast")));
        assertFalse(blocked.isDone());
        storageBack.countDown();
        assertEquals("slow", result(blocked));
    }

    @Test
    void aFailingStepIsRetriedBeforeTheNextStepRuns() throws Exception {
        ChannelLane lane = lane("a");
        AtomicInteger attempts = new AtomicInteger();
        List<String> ran = new CopyOnWriteArrayList<>();
        CompletableFuture<String> flaky = lane.submit("flaky", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("storage away");
            }
            ran.add("flaky");
            return "stored";
        });
        CompletableFuture<String> next = lane.submit("next", () -> {
            ran.add("next");
            return "next";
        });
        assertEquals("next", result(next));
        assertEquals("stored", result(flaky));
        assertEquals(3, attempts.get());
        assertEquals(List.of("flaky", "next"), ran);
    }

    @Test
    void closingFailsEveryPendingStageAndEndsARetryBackOff() throws Exception {
        ChannelLane lane = lane("a");
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<Void> failing = lane.submit("failing", () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("storage away");
        });
        AtomicInteger laterRuns = new AtomicInteger();
        CompletableFuture<Void> later = lane.submit("later", () -> {
            laterRuns.incrementAndGet();
            return null;
        });
        CompletableFuture<Void> guarded = lane.guard(new CompletableFuture<Void>());
        while (attempts.get() == 0) {
            Thread.sleep(10);
        }
        lane.close();
        assertInstanceOf(ChannelClosedException.class, failure(failing));
        assertInstanceOf(ChannelClosedException.class, failure(later));
        assertInstanceOf(ChannelClosedException.class, failure(guarded), "a stage that would never complete fails");
        assertTrue(lane.awaitStopped(System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS)));
        assertEquals(0, laterRuns.get(), "no step starts after close");
        assertInstanceOf(ChannelClosedException.class, failure(lane.submit("after", () -> null)));
    }

    @Test
    void closingWhileAStepIsBlockedReturnsAtOnceAndTheStepNeverCompletesItsStage() throws Exception {
        ChannelLane lane = lane("a");
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch storageBack = new CountDownLatch(1);
        CompletableFuture<String> inHand = lane.submit("in hand", () -> {
            blocked.countDown();
            storageBack.await();
            return "stored";
        });
        blocked.await();
        lane.close(); // returns although the step is still blocked
        assertInstanceOf(ChannelClosedException.class, failure(inHand));
        assertFalse(lane.awaitStopped(System.nanoTime()), "the step is still in hand");
        storageBack.countDown();
        assertTrue(lane.awaitStopped(System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS)));
        assertTrue(inHand.isCompletedExceptionally(), "the stage stays failed once the step ended");
    }

    @Test
    void aStepFailingWithAnErrorFailsItsStageAndClosesTheLane() throws Exception {
        ChannelLane lane = lane("a");
        CompletableFuture<Void> broken = lane.submit("broken", () -> {
            throw new AssertionError("a bug");
        });
        assertInstanceOf(AssertionError.class, failure(broken));
        assertTrue(lane.isClosed(), "its owner replaces it with a lane that starts from the stored state");
    }
}
