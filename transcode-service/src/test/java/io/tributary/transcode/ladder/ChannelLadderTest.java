package io.tributary.transcode.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.media.flv.VideoTag;
import io.tributary.media.gop.GopContent;
import io.tributary.transcode.cmaf.AvcTrack;
import io.tributary.transcode.cmaf.CmafSegment;
import io.tributary.transcode.cmaf.TrackSegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ladder's scheduling and lag rules, with a stand-in encoding that reports whatever wall time a test gives it:
 * no ffmpeg, no sleeping.
 */
class ChannelLadderTest {
    private static final Duration GOP = Duration.ofSeconds(2);
    private static final List<Rung> PLAN = List.of(Rung.source(1280, 720), Rung.encoded("480p", 854, 480, 1_200_000),
            Rung.encoded("360p", 640, 360, 600_000));
    private static final AvcTrack FORMAT = AvcTrack.of(new byte[] {1, 0x64, 0, 0x1e, (byte) 0xff, (byte) 0xe0, 0},
            854, 480);
    // legacy AVC video tag headers: FrameType/CodecID, AVCPacketType, CompositionTime (FLV 10.1 §E.4.3.1)
    private static final byte[] SEQUENCE_HEADER = {0x17, 0, 0, 0, 0, 1, 0x64, 0, 0x1e, (byte) 0xff, (byte) 0xe0, 0};
    private static final byte[] KEYFRAME = {0x17, 1, 0, 0, 0, 0, 0, 0, 1, 0x65};
    private static final byte[] INTER_FRAME = {0x27, 1, 0, 0, 0, 0, 0, 0, 1, 0x41};

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Duration wall = Duration.ofSeconds(1);
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile RuntimeException failure;
    private LadderPackager ladder;

    /** What the encoding was asked. */
    record Call(long sequence, List<VideoTag> context, Set<String> dropped) {
    }

    private final GopEncoding encoding = (job, context, dropped) -> {
        calls.add(new Call(job.sequence(), context, dropped));
        try {
            gate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
        List<RungSegment> segments = new ArrayList<>();
        for (Rung r : PLAN.subList(1, PLAN.size())) {
            if (!dropped.contains(r.name())) {
                CmafSegment s = new CmafSegment(job.sequence(), job.sequence() * 180_000, 180_000, 90_000, 60, true,
                        new byte[] {1});
                segments.add(new RungSegment(r.name(), r, new TrackSegment(FORMAT, s)));
            }
        }
        return new EncodedGop(PLAN, segments, GOP, wall, wall);
    };

    private LadderPackager ladder(LagPolicy lag) {
        Ladder rungs = new Ladder(List.of(RungSpec.named("480p", Map.of()), RungSpec.named("360p", Map.of())), null);
        LadderSettings settings = new LadderSettings(true, new LadderPlanner(rungs, Map.of()),
                EncoderSettings.defaults(), lag);
        ladder = new LadderPackager(settings, encoding, registry);
        return ladder;
    }

    @AfterEach
    void close() {
        if (ladder != null) {
            ladder.close();
        }
    }

    private static LadderJob job(String session, long sequence, byte[] firstFrame) {
        GopContent content = new GopContent(null, new VideoTag(sequence * 2000, SEQUENCE_HEADER), null,
                List.of(new VideoTag(sequence * 2000, firstFrame), new VideoTag(sequence * 2000 + 33, INTER_FRAME)));
        return new LadderJob("alice", session, sequence, content, OptionalLong.of(sequence * 2000 + 2000), false);
    }

    private static LadderJob job(long sequence) {
        return job("s1", sequence, KEYFRAME);
    }

    private static LadderGop await(CompletableFuture<LadderGop> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    private CompletableFuture<LadderGop> submit(LadderJob job) {
        return ladder.submit(job).toCompletableFuture();
    }

    private double dropped(String reason) {
        return registry.get("tributary.transcode.ladder.renditions.dropped").tag("reason", reason).counter().count();
    }

    private static List<String> renditions(LadderGop g) {
        return g.segments().stream().map(RungSegment::rendition).toList();
    }

    @Test
    void submittingNeverWaitsForTheEncoder() throws Exception {
        ladder(LagPolicy.defaults());
        gate = new CountDownLatch(1);
        long started = System.nanoTime();
        CompletableFuture<LadderGop> first = submit(job(0));
        CompletableFuture<LadderGop> second = submit(job(1));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertFalse(first.isDone());
        assertTrue(tookMillis < 500, "submit took " + tookMillis + " ms");
        gate.countDown();
        assertEquals(List.of("480p", "360p"), renditions(await(first)));
        assertEquals(1, await(second).sequence());
    }

    @Test
    void resultsComeInSubmissionOrder() throws Exception {
        ladder(LagPolicy.defaults());
        gate = new CountDownLatch(1);
        List<Long> completionOrder = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> observed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            observed.add(submit(job(i)).thenAccept(g -> completionOrder.add(g.sequence())));
        }
        gate.countDown();
        CompletableFuture.allOf(observed.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(0L, 1L, 2L, 3L), completionOrder);
    }

    @Test
    void dropsTheLargestRungWhenSlowerThanRealTimeOverTheWindow() throws Exception {
        ladder(new LagPolicy(2, 1.0, 4));
        wall = Duration.ofMillis(2400); // 0.83x real time
        LadderGop first = await(submit(job(0)));
        assertEquals(Set.of(), first.dropped(), "one slow GOP is not a window");
        LadderGop second = await(submit(job(1)));
        assertEquals(Set.of("480p"), second.dropped());
        assertFalse(second.listable("480p"));
        assertTrue(second.listable("360p") && second.listable("source"));
        assertEquals(List.of("360p"), renditions(second), "the dropped rung's segment is not handed out");
        wall = Duration.ofMillis(1000);
        LadderGop third = await(submit(job(2)));
        assertEquals(Set.of("480p"), calls.get(2).dropped(), "the encoder leaves the dropped rung out");
        assertEquals(List.of("360p"), renditions(third));
        assertEquals(1.0, dropped(LadderMetrics.SLOW));
    }

    @Test
    void keepsEveryRungWhenTheWindowKeepsUp() throws Exception {
        ladder(new LagPolicy(3, 1.0, 4));
        Duration[] walls = {Duration.ofMillis(3000), Duration.ofMillis(1000), Duration.ofMillis(1500)};
        LadderGop last = null;
        for (int i = 0; i < walls.length; i++) {
            wall = walls[i];
            last = await(submit(job(i)));
        }
        assertEquals(Set.of(), last.dropped(), "5.5 s of encoding for 6 s of media");
        assertEquals(List.of("480p", "360p"), renditions(last));
    }

    @Test
    void aGopBeyondTheBacklogDropsEveryRungAndLeavesNoGap() throws Exception {
        ladder(new LagPolicy(4, 1.0, 2));
        gate = new CountDownLatch(1);
        List<CompletableFuture<LadderGop>> results = new ArrayList<>();
        results.add(submit(job(0)));
        while (calls.isEmpty()) {
            Thread.sleep(5); // GOP 0 is being encoded: the backlog counts the waiting ones
        }
        results.add(submit(job(1)));
        results.add(submit(job(2)));
        results.add(submit(job(3))); // a third waiting GOP: refused
        gate.countDown();
        results.add(submit(job(4)));
        List<LadderGop> gops = new ArrayList<>();
        for (CompletableFuture<LadderGop> f : results) {
            gops.add(await(f));
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(List.of("480p", "360p"), renditions(gops.get(i)), "GOP " + i + " was waiting in time");
            assertFalse(gops.get(i).allDropped());
        }
        for (int i = 3; i < 5; i++) {
            assertTrue(gops.get(i).allDropped(), "GOP " + i);
            assertEquals(List.of(), gops.get(i).segments());
            assertFalse(gops.get(i).listable("360p"));
        }
        assertEquals(List.of(0L, 1L, 2L), calls.stream().map(Call::sequence).toList(), "GOPs 3 and 4 not encoded");
        assertEquals(2.0, dropped(LadderMetrics.BACKLOG));
    }

    @Test
    void aFailedGopDropsEveryRungForTheSessionAndANewSessionBringsThemBack() throws Exception {
        ladder(LagPolicy.defaults());
        assertEquals(List.of("480p", "360p"), renditions(await(submit(job(0)))));
        failure = new RungEncodingException("ffmpeg exited with 1");
        LadderGop failed = await(submit(job(1)));
        failure = null;
        assertTrue(failed.allDropped());
        assertEquals(Set.of("480p", "360p"), failed.dropped());
        assertTrue(await(submit(job(2))).allDropped());
        assertEquals(2, calls.size(), "nothing is encoded after the failure");
        LadderGop next = await(submit(job("s2", 0, KEYFRAME)));
        assertFalse(next.allDropped());
        assertEquals(List.of("480p", "360p"), renditions(next));
        assertEquals(2.0, dropped(LadderMetrics.FAILED));
    }

    @Test
    void aContinuationIsDecodedAfterTheRecordItContinues() throws Exception {
        ladder(LagPolicy.defaults());
        LadderJob first = job(0);
        await(submit(first));
        LadderGop continued = await(submit(job("s1", 1, INTER_FRAME)));
        assertEquals(List.of("480p", "360p"), renditions(continued));
        assertEquals(GopLadder.videoTags(first.content()), calls.get(1).context());
        assertEquals(List.of(), calls.get(0).context(), "a GOP with its keyframe needs no context");
    }

    @Test
    void aContinuationWithoutTheRecordItContinuesDropsEveryRung() throws Exception {
        ladder(LagPolicy.defaults());
        await(submit(job(0)));
        LadderGop orphan = await(submit(job("s1", 2, INTER_FRAME)));
        assertTrue(orphan.allDropped());
        assertEquals(1, calls.size());
        assertEquals(2.0, dropped(LadderMetrics.UNDECODABLE));
    }

    @Test
    void aPassthroughOnlyChannelNeverReachesTheEncoder() throws Exception {
        LadderSettings settings = new LadderSettings(true, new LadderPlanner(Ladder.passthroughOnly(), Map.of()),
                EncoderSettings.defaults(), LagPolicy.defaults());
        ladder = new LadderPackager(settings, encoding, registry);
        LadderGop g = ladder.submit(job(0)).toCompletableFuture().get(1, TimeUnit.SECONDS);
        assertEquals(List.of(), g.segments());
        assertEquals(List.of(), calls);
    }
}
