package io.tributary.kafka.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.kafka.KafkaClientDefaults;
import io.tributary.testsupport.kafka.SharedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongPredicate;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Records whose output becomes durable after the handler returned, in any order (issue 6: the ladder's rungs). */
class AsyncRecordLoopIT {
    private String bootstrap;
    private String topic;
    private String group;

    @BeforeEach
    void topic() throws Exception {
        bootstrap = SharedKafka.bootstrapServers();
        topic = "async-loop-" + UUID.randomUUID();
        group = "g-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    /** Hands every record over at once and keeps its stage for the test to complete. */
    private static class Deferred implements AsyncRecordHandler {
        final Map<Long, CompletableFuture<Void>> stages = new ConcurrentHashMap<>();
        final List<Long> handed = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<?> handle(ConsumerRecord<String, byte[]> record) {
            // the stage exists before the record shows as handed: a test that saw it handed may complete it at once
            CompletableFuture<Void> stage = stages.computeIfAbsent(record.offset(), o -> new CompletableFuture<>());
            handed.add(record.offset());
            return stage;
        }

        void complete(long... offsets) {
            for (long o : offsets) {
                stages.get(o).complete(null);
            }
        }
    }

    @Test
    void commitsOnlyTheContiguousRunOfCompletedRecordsWhateverTheOrderOfCompletion() throws Exception {
        produce(6);
        Deferred handler = new Deferred();
        try (RecordLoop loop = start("async", handler)) {
            await("every record handed over before any completes", () -> handler.handed.size() == 6);
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), handler.handed);

            handler.complete(1, 2, 4);
            staysFor(Duration.ofSeconds(1), "record 0 is not done: nothing is committed", c -> c == -1);

            handler.complete(0);
            await("0 to 2 done: committed up to 3", () -> committed() == 3);
            handler.complete(5);
            staysFor(Duration.ofSeconds(1), "record 3 is not done: the commit stays at 3", c -> c == 3);
        }
        // the loop closed with record 3 unfinished: a new owner gets 3, 4 and 5 again
        nextOwnerGets("async2", 3, 4, 5);
    }

    /** A {@link Deferred} whose pending stages cannot complete once the loop closes (what they wait for stops too). */
    private static final class GivesUpOnClosing extends Deferred {
        @Override
        public void onClosing() {
            stages.values().forEach(s -> s.completeExceptionally(new IllegalStateException("the worker is stopping")));
        }
    }

    @Test
    void closeDoesNotWaitForStagesTheHandlerGivesUpAndTheirRecordsGoToTheNextOwner() throws Exception {
        produce(4);
        GivesUpOnClosing handler = new GivesUpOnClosing();
        RecordLoop loop = start("async-give-up", handler);
        await("every record handed over", () -> handler.handed.size() == 4);
        handler.complete(0);
        await("record 0 committed", () -> committed() == 1);

        long began = System.nanoTime();
        loop.close();
        Duration took = Duration.ofNanos(System.nanoTime() - began);

        // the grace is 5 s: a close that waited for the stages given up would take all of it
        assertTrue(took.compareTo(Duration.ofSeconds(4)) < 0,
                "close took " + took.toMillis() + " ms: it waited for stages the handler gave up");
        assertEquals(1, committed(), "the records whose stages were given up stay uncommitted");
        nextOwnerGets("async-give-up2", 1, 2, 3);
    }

    @Test
    void aStageThatFailsIsNeverCommittedPast() throws Exception {
        produce(3);
        Deferred handler = new Deferred();
        try (RecordLoop loop = start("async-fail", handler)) {
            await("handed over", () -> handler.handed.size() == 3);
            handler.complete(0);
            handler.stages.get(1L).completeExceptionally(new IllegalStateException("storage away"));
            handler.complete(2);
            await("record 0 committed", () -> committed() == 1);
            staysFor(Duration.ofSeconds(1), "never past the failed record", c -> c == 1);
        }
        assertEquals(1, committed());
    }

    /** The first stage of record 1 fails; every other stage (and record 1's next one) completes at once. */
    private static final class FailsOnce implements AsyncRecordHandler {
        final List<Long> handed = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<?> handle(ConsumerRecord<String, byte[]> record) {
            boolean first = !handed.contains(record.offset());
            handed.add(record.offset());
            return record.offset() == 1 && first
                    ? CompletableFuture.failedFuture(new IllegalStateException("storage away"))
                    : CompletableFuture.completedFuture(null);
        }
    }

    @Test
    void aFailedStageIsHandedAgainFromItsOffsetAndTheCommitsGoOn() throws Exception {
        produce(4);
        FailsOnce handler = new FailsOnce();
        try (RecordLoop loop = start("async-again", handler)) {
            await("every record committed once record 1 succeeded", () -> committed() == 4);
            assertEquals(1, loop.failedStages());
            assertEquals(2, handler.handed.stream().filter(o -> o == 1).count(), "record 1 handed twice");
            assertEquals(List.of(0L, 1L), handler.handed.subList(0, 2));
        }
    }

    @Test
    void noMoreThanMaxInFlightRecordsAreHandedOverWhileTheirStagesArePending() throws Exception {
        produce(20);
        Deferred handler = new Deferred();
        try (RecordLoop loop = RecordLoop.deferred("async-bound", new RecordLoop.Settings(bootstrap, group, 2, 2, 4),
                Map.of(), List.of(topic), handler).start()) {
            await("four records handed over", () -> handler.handed.size() == 4);
            staysFor(Duration.ofSeconds(1), "none committed", c -> c == -1);
            assertEquals(4, handler.handed.size(), "no fifth record while four are pending");
            handler.complete(0);
            await("a fifth record once one completed", () -> handler.handed.size() == 5);
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L), handler.handed);
        }
    }

    /** A {@link Deferred} that notes how many records were handed over each time it is told the partition is full. */
    private static class NotesFull extends Deferred {
        final List<Integer> fullAfter = new CopyOnWriteArrayList<>();
        final List<TopicPartition> fullPartitions = new CopyOnWriteArrayList<>();

        @Override
        public void onPartitionFull(TopicPartition partition) {
            fullAfter.add(handed.size());
            fullPartitions.add(partition);
        }
    }

    @Test
    void theHandlerIsToldOnceEachTimeThePartitionReachesMaxInFlight() throws Exception {
        produce(20);
        NotesFull handler = new NotesFull();
        try (RecordLoop loop = RecordLoop.deferred("async-full", new RecordLoop.Settings(bootstrap, group, 2, 2, 4),
                Map.of(), List.of(topic), handler).start()) {
            await("told the partition is full", () -> handler.fullAfter.size() == 1);
            assertEquals(List.of(4), handler.fullAfter, "told right after the fourth record, the bound");
            assertEquals(List.of(new TopicPartition(topic, 0)), handler.fullPartitions);
            Thread.sleep(500);
            assertEquals(1, handler.fullAfter.size(), "told once while the partition stays at the bound");

            handler.complete(0);
            await("told again once a fifth record fills it again", () -> handler.fullAfter.size() == 2);
            assertEquals(List.of(4, 5), handler.fullAfter);
        }
    }

    @Test
    void stagesCompletedAtOnceNeverFillThePartition() throws Exception {
        produce(20);
        NotesFull handler = new NotesFull() {
            @Override
            public CompletionStage<?> handle(ConsumerRecord<String, byte[]> record) {
                handed.add(record.offset());
                return CompletableFuture.completedFuture(null);
            }
        };
        RecordLoop.Settings settings = new RecordLoop.Settings(bootstrap, group, 2, 2, 2);
        try (RecordLoop loop = RecordLoop.deferred("async-never-full", settings, Map.of(), List.of(topic), handler)
                .start()) {
            await("every record committed", () -> committed() == 20);
            assertEquals(List.of(), handler.fullAfter);
        }
    }

    @Test
    void recordsCompletedBehindASlowOneDoNotCountAgainstTheBound() throws Exception {
        // one channel's record waits on storage while the other channels' records of the partition complete: the
        // commit stays behind the slow one, but the others keep being handed over
        produce(20);
        Deferred handler = new Deferred();
        try (RecordLoop loop = RecordLoop.deferred("async-slow-one", new RecordLoop.Settings(bootstrap, group, 2, 2, 4),
                Map.of(), List.of(topic), handler).start()) {
            await("four records handed over", () -> handler.handed.size() == 4);
            for (long next = 1; next < 20; next++) {
                long offset = next;
                await("record " + offset + " handed over", () -> handler.handed.contains(offset));
                handler.complete(offset);
            }
            assertEquals(20, handler.handed.size(), "every record handed over while record 0 is pending");
            staysFor(Duration.ofMillis(500), "nothing committed past the pending record 0", c -> c == -1);
            handler.complete(0);
            await("everything committed once record 0 completed", () -> committed() == 20);
        }
    }

    /** A new instance of the group is handed {@code offsets} (the last records, not committed) and commits them. */
    private void nextOwnerGets(String name, long... offsets) throws InterruptedException {
        Deferred next = new Deferred();
        try (RecordLoop loop = start(name, next)) {
            await("records " + Arrays.toString(offsets) + " handed again", () -> next.handed.size() == offsets.length);
            assertEquals(LongStream.of(offsets).boxed().toList(), next.handed);
            next.complete(offsets);
            await("all committed", () -> committed() == offsets[offsets.length - 1] + 1);
        }
    }

    private RecordLoop start(String name, AsyncRecordHandler handler) {
        return RecordLoop.deferred(name, new RecordLoop.Settings(bootstrap, group, 2, 8), Map.of(), List.of(topic),
                handler).start();
    }

    private long committed() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            OffsetAndMetadata o = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(topic, 0));
            return o == null ? -1 : o.offset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Condition {
        boolean holds();
    }

    private static void await(String what, Condition c) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!c.holds()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting: " + what);
            Thread.sleep(50);
        }
    }

    private void staysFor(Duration d, String what, LongPredicate committedOk) throws InterruptedException {
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end) {
            long c = committed();
            assertTrue(committedOk.test(c), what + " (committed " + c + ")");
            Thread.sleep(100);
        }
    }

    private void produce(int count) {
        Properties p = new Properties();
        p.putAll(KafkaClientDefaults.producer());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "channel", Integer.toString(i)
                        .getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }
}
