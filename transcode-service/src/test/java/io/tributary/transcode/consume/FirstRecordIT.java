package io.tributary.transcode.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.media.storage.ObjectKeys;
import io.tributary.storage.StoredObject;
import io.tributary.testsupport.gop.TestGops;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.transcode.store.ChannelObjects;
import io.tributary.transcode.store.OutputKeys;
import io.tributary.transcode.store.PendingUploads;
import io.tributary.transcode.testing.Eventually;
import io.tributary.transcode.testing.GopPublisher;
import io.tributary.transcode.testing.HandWiredTranscoder;
import io.tributary.transcode.testing.MediaPlaylistView;
import io.tributary.transcode.testing.Meters;
import io.tributary.transcode.testing.Probe;
import io.tributary.transcode.testing.PublicHttp;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: a new channel's first playable playlist waits for as few storage round trips as the order of writes
 * allows. Its state is read in one round (the 404s of the state object and of the source and audio playlists
 * together; no listing of {@code live/{channel}/}), and its first record's segments with their init segments are
 * stored in that same round
 * ({@link EarlySegments}); the placeholders of its new media playlists go up once the state is known, while those
 * segments may still be going up; then one round of manifests: the media playlists, the MPD and the multivariant
 * playlist, which names the media playlists and finds them stored (as placeholders at least).
 */
class FirstRecordIT {
    /**
     * The records are published before the worker joins its group, which takes seconds on a broker that has just
     * started (the first test of a fresh JVM): a worker clock 30 s behind keeps them within
     * {@link EarlySegments#LIVE_FOR} of their close however slow the join is, so the early store is what is tested.
     */
    private static final Clock WORKER_CLOCK = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-30));
    private static final Path CLIP = TestMedia.h264Aac(Duration.ofSeconds(3), 320, 180, 30, 30);
    private static final Duration EARLY_UPLOADS_TAKE = Duration.ofSeconds(1);

    /**
     * The real bucket, with a log of one channel's storage calls; its read of the state object and its first write of
     * segments wait for each other.
     */
    private static final class RecordingObjects extends ChannelObjects {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        final Rendezvous firstRound = new Rendezvous(2);
        private final AtomicBoolean segmentsWritten = new AtomicBoolean();
        private final String channel;

        RecordingObjects(String channel) {
            super(HandWiredTranscoder.objectStore(), 8);
            this.channel = channel;
        }

        @Override
        public Optional<byte[]> get(String key) {
            if (key.equals(OutputKeys.state(channel))) {
                calls.add("GET state");
                firstRound.arrive();
            } else if (key.startsWith(ObjectKeys.livePrefix(channel))) {
                calls.add("GET " + kind(key));
            }
            return super.get(key);
        }

        @Override
        public List<String> list(String prefix) {
            if (prefix.equals(ObjectKeys.livePrefix(channel))) {
                calls.add("LIST");
            }
            return super.list(prefix);
        }

        @Override
        public PendingUploads startAll(List<StoredObject> objects) throws InterruptedException {
            List<String> kinds = objects.stream().map(StoredObject::key).filter(this::ofChannel).map(this::kind)
                    .sorted().toList();
            if (!kinds.isEmpty()) {
                calls.add("PUT " + String.join(" ", kinds));
            }
            if (kinds.contains("segment") && !segmentsWritten.getAndSet(true)) {
                firstRound.arrive();
                // the early segments take their time: their playlists' placeholders go up meanwhile, the manifests
                // that name them only once they are stored
                CompletableFuture<Void> stored = CompletableFuture.runAsync(() -> {
                    try {
                        Thread.sleep(EARLY_UPLOADS_TAKE.toMillis());
                        super.startAll(objects).await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new CompletionException(e);
                    }
                    calls.add("early segments stored");
                });
                return PendingUploads.of(List.of(stored));
            }
            return super.startAll(objects);
        }

        private boolean ofChannel(String key) {
            return key.equals(OutputKeys.state(channel)) || key.startsWith(ObjectKeys.livePrefix(channel));
        }

        private String kind(String key) {
            if (key.equals(OutputKeys.state(channel))) {
                return "state";
            } else if (key.equals(ObjectKeys.masterPlaylist(channel))) {
                return "multivariant";
            } else if (key.equals(ObjectKeys.dashManifest(channel))) {
                return "mpd";
            } else if (key.endsWith("/index.m3u8")) {
                return "playlist";
            } else if (key.endsWith(".m4s")) {
                return "segment";
            }
            return key.contains("/init-") ? "init" : key.substring(key.lastIndexOf('/') + 1);
        }
    }

    @Test
    void aNewChannelsFirstPlaylistWaitsForOneRoundOfStateReadsAndSegmentsThenOneOfManifests() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String topic = "gops-first-" + id;
        String channel = "first-" + id;
        String session = "S" + id;
        List<TestGops.TestGop> gops = TestGops.split(CLIP, session);
        assertEquals(3, gops.size());
        GopPublisher.createTopics(topic, 1);
        GopPublisher.publish(topic, channel, gops);
        RecordingObjects objects = new RecordingObjects(channel);
        // the state saved after every record: the first record's rounds end with its state
        WorkerSettings settings = HandWiredTranscoder.settings(topic, "first-" + id, 10, Duration.ofSeconds(60),
                StateSaving.EVERY_RECORD);
        MeterRegistry registry = new SimpleMeterRegistry();
        try (TranscodeWorker worker = new TranscodeWorker(settings, objects, registry, WORKER_CLOCK, null)) {
            Eventually.await("the playlist ends", () -> {
                String text = PublicHttp.text("live/" + channel + "/source/index.m3u8");
                return text != null && text.contains("#EXT-X-ENDLIST");
            });
            assertEquals(6, Meters.segments(registry), 0.0, "3 records of source and audio, counted once");
        }

        // the source and audio playlists are read with the state object (the source's in case the state is behind
        // it, both to know whether anything is stored without a state object), waited for by nothing
        assertEquals(2, objects.calls.stream().filter(c -> c.equals("GET playlist")).count(), "" + objects.calls);
        List<String> calls = objects.calls.stream().filter(c -> !c.equals("GET playlist")).toList();
        assertFalse(calls.contains("LIST"), "a new channel's directory is never listed: " + calls);
        assertFalse(objects.firstRound.apart(),
                "the state object and the first segments are in flight together: " + calls);
        assertEquals(List.of(
                "GET state",                       // a new channel's state: the state object's 404
                "PUT init init segment segment"),  // source and audio, with their new init segments: stored early
                calls.subList(0, 2).stream().sorted().toList(), "the first round: " + calls);
        assertEquals(List.of(
                "PUT playlist playlist",                       // placeholders: nothing names them yet
                "early segments stored",                       // waited for before anything names them
                "PUT mpd multivariant playlist playlist",      // name the segments, and the media playlists
                "PUT state"), calls.subList(2, 6), "the first record's writes after its state, round by round: "
                + calls);
        assertEquals(1, calls.stream().filter(c -> c.startsWith("GET state")).count(), "the state is read once");
        assertEquals(List.of("PUT init init segment segment", "PUT segment segment", "PUT segment segment"),
                calls.stream().filter(c -> c.startsWith("PUT") && c.contains("segment")).toList(),
                "each record's segments stored once");
        List<String> uris = List.of(session + "-0.m4s", session + "-1.m4s", session + "-2.m4s");
        for (String rendition : List.of("source", "audio")) {
            MediaPlaylistView p = MediaPlaylistView.parse(PublicHttp.text("live/" + channel + "/" + rendition
                    + "/index.m3u8"));
            assertEquals(uris, p.uris(), rendition);
            assertEquals(0, p.discontinuities(), rendition);
            assertTrue(p.ended(), rendition);
        }
        assertEquals(90, Probe.frames(PublicHttp.url("live/" + channel + "/master.m3u8"), "v"));
        assertEquals(90, Probe.frames(PublicHttp.url("live/" + channel + "/manifest.mpd"), "v"));
    }
}
