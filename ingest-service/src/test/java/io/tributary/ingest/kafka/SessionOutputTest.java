package io.tributary.ingest.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.ingest.IngestConfig;
import io.tributary.ingest.gop.GopRecord;
import io.tributary.ingest.gop.StreamFacts;
import io.tributary.media.event.StopReason;
import io.tributary.media.gop.GopMetadata;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * When a session pauses its publisher and resumes it: its own budget, and the ingest's total over every session. The
 * producer here only keeps each send's completion, for the test to acknowledge when it wants.
 */
class SessionOutputTest {

    /** Sends in order, each with its completion; nothing reaches a broker. */
    private static final class HeldSends extends IngestProducer {
        final List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        final List<Consumer<Throwable>> completions = new ArrayList<>();

        HeldSends() {
            super(null, "unused:9092");
        }

        @Override
        public void send(ProducerRecord<String, byte[]> record, Executor replyOn, Consumer<Throwable> done) {
            records.add(record);
            completions.add(failure -> replyOn.execute(() -> done.accept(failure)));
        }

        /** Acknowledges the n-th send (counting stream-started events too). */
        void acknowledge(int n) {
            completions.get(n).accept(null);
        }
    }

    /** What a session's listener was told, in order. */
    private static final class Told implements SessionOutput.Listener {
        final List<String> calls = new ArrayList<>();

        @Override
        public void overBudget() {
            calls.add("pause");
        }

        @Override
        public void withinBudget() {
            calls.add("resume");
        }

        @Override
        public void acknowledged() {
            calls.add("ack");
        }

        @Override
        public void failed(String what) {
            calls.add("failed " + what);
        }
    }

    private final HeldSends producer = new HeldSends();
    private final SessionEvents events = new SessionEvents(producer, config());
    private final GopPublisher gops = new GopPublisher(producer);
    private final InflightTotal total = new InflightTotal(1000);

    @Test
    void pausesAPublisherOverItsOwnBudgetAndResumesItWhenAcknowledged() {
        Told told = new Told();
        SessionOutput output = output("a", 500, told);

        output.send(record(0, 400), StreamFacts.NONE); // sends 0 (stream-started) and 1
        output.send(record(1, 200), StreamFacts.NONE); // 2
        assertEquals(List.of("pause"), told.calls);
        assertEquals(600, output.inflightBytes());

        producer.acknowledge(1);
        assertEquals(List.of("pause", "ack", "resume"), told.calls);
        assertTrue(output.overBudgetSince().isEmpty());
    }

    @Test
    void pausesEverySessionThatSendsWhileTheTotalIsOverAndResumesThemAllWhenItIsWithin() {
        Told a = new Told();
        Told b = new Told();
        SessionOutput first = output("a", 10_000, a);
        SessionOutput second = output("b", 10_000, b);

        first.send(record(0, 600), StreamFacts.NONE); // sends 0, 1
        second.send(record(0, 600), StreamFacts.NONE); // sends 2, 3: the total is 1200
        assertEquals(List.of(), a.calls, "a sent within the total");
        assertEquals(List.of("pause"), b.calls, "b is within its own budget but the ingest is not");

        first.send(record(1, 100), StreamFacts.NONE); // send 4
        assertEquals(List.of("pause"), a.calls);

        producer.acknowledge(3); // b's own record: the total is 700
        // the wake-up runs within the release here (the sessions' executor runs tasks at once), before the ack
        assertEquals(List.of("pause", "resume", "ack"), b.calls);
        assertEquals(List.of("pause", "resume"), a.calls, "a's records are all unacknowledged, yet it reads again");
        assertEquals(700, total.bytes());
    }

    @Test
    void aWokenSessionReadsOnEvenIfOthersTookTheRoomAgainMeanwhile() {
        Told a = new Told();
        Told b = new Told();
        Queue<Runnable> aLoop = new ArrayDeque<>(); // a's event loop, run when the test says
        SessionOutput first = output("a", 10_000, a, aLoop::add);
        SessionOutput second = output("b", 10_000, b, Runnable::run);

        first.send(record(0, 600), StreamFacts.NONE); // sends 0, 1
        second.send(record(0, 600), StreamFacts.NONE); // sends 2, 3: b paused
        first.send(record(1, 100), StreamFacts.NONE); // send 4: a paused, waiting for the total
        producer.acknowledge(3); // the total is 700: b resumes at once, a's wake-up is queued on its loop
        second.send(record(1, 400), StreamFacts.NONE); // b takes the room again: 1100, b paused
        assertEquals(List.of("pause"), a.calls);

        aLoop.forEach(Runnable::run);
        assertEquals(List.of("pause", "resume"), a.calls, "not starved by b's timing");
        assertTrue(first.overBudgetSince().isEmpty(), "its backpressure clock is reset");
    }

    @Test
    void aFinishedSessionNoLongerWaitsForTheTotal() {
        SessionOutput output = output("a", 10_000, new Told());
        output.send(record(0, 1200), StreamFacts.NONE);
        assertEquals(1, total.waiting());

        output.finish(List.of(), StreamFacts.NONE, StopReason.PUBLISHER_CLOSED, 2000, 1200);
        assertEquals(0, total.waiting(), "an ended session stays reachable from the total otherwise");
    }

    @Test
    void anAcknowledgementGivesItsBytesBackToTheTotal() {
        Told told = new Told();
        SessionOutput output = output("a", 10_000, told);
        output.send(record(0, 100), StreamFacts.NONE);
        producer.acknowledge(1);
        assertEquals(0, total.bytes());
        assertEquals(List.of("ack"), told.calls);
    }

    private SessionOutput output(String channel, long budget, Told told) {
        return output(channel, budget, told, Runnable::run);
    }

    private SessionOutput output(String channel, long budget, Told told, Executor loop) {
        return new SessionOutput(gops, events, new SessionIdentity(channel, "session-" + channel, "live"),
                loop, budget, total, told, () -> 0L, Clock.systemUTC());
    }

    private static GopRecord record(long sequence, int size) {
        return new GopRecord(GopMetadata.of("s", sequence, sequence * 2000, 2000, 1, Set.of()), new byte[size]);
    }

    /** The two settings {@link SessionEvents} reads. */
    private static IngestConfig config() {
        return (IngestConfig) Proxy.newProxyInstance(IngestConfig.class.getClassLoader(),
                new Class<?>[] {IngestConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "playbackBaseUrl" -> "http://127.0.0.1:9000/tributary";
                    case "nodeName" -> Optional.of("test");
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
