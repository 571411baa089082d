package io.tributary.transcode.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.media.storage.ObjectKeys;
import io.tributary.storage.StoredObject;
import io.tributary.testsupport.gop.TestGops;
import io.tributary.testsupport.kafka.SharedKafka;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.transcode.store.ChannelObjects;
import io.tributary.transcode.store.OutputKeys;
import io.tributary.transcode.testing.Eventually;
import io.tributary.transcode.testing.GopPublisher;
import io.tributary.transcode.testing.HandWiredTranscoder;
import io.tributary.transcode.testing.PublicHttp;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: a new channel's first playable playlist waits for as few storage round trips as the order of writes
 * allows. Its state is read in one round (the state object's 404 and the empty listing of {@code live/{channel}/}
 * together), then come the three rounds a first manifest needs: the segments with their init segments, the media
 * playlists with the MPD, and the multivariant playlist, which names media playlists and so comes after them.
 */
class FirstRecordIT {
    private static final Path CLIP = TestMedia.h264Aac(Duration.ofSeconds(3), 320, 180, 30, 30);

    /** The real bucket, with a log of one channel's storage calls; its two state reads wait for each other. */
    private static final class RecordingObjects extends ChannelObjects {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        final Rendezvous stateReads = new Rendezvous(2);
        private final String channel;

        RecordingObjects(String channel) {
            super(HandWiredTranscoder.objectStore(), 8);
            this.channel = channel;
        }

        @Override
        public Optional<byte[]> get(String key) {
            if (key.equals(OutputKeys.state(channel))) {
                calls.add("GET state");
                stateReads.arrive();
            } else if (key.startsWith(ObjectKeys.livePrefix(channel))) {
                calls.add("GET " + kind(key));
            }
            return super.get(key);
        }

        @Override
        public List<String> list(String prefix) {
            if (prefix.equals(ObjectKeys.livePrefix(channel))) {
                calls.add("LIST");
                stateReads.arrive();
            }
            return super.list(prefix);
        }

        @Override
        public void putAll(List<StoredObject> objects) throws InterruptedException {
            List<String> kinds = objects.stream().map(StoredObject::key).filter(this::ofChannel).map(this::kind)
                    .sorted().toList();
            if (!kinds.isEmpty()) {
                calls.add("PUT " + String.join(" ", kinds));
            }
            super.putAll(objects);
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
    void aNewChannelsFirstPlaylistWaitsForOneRoundOfStateReadsAndThreeOfWrites() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String topic = "gops-first-" + id;
        String channel = "first-" + id;
        GopPublisher.createTopics(topic, 1);
        GopPublisher.publish(topic, channel, TestGops.split(CLIP, "S" + id));
        RecordingObjects objects = new RecordingObjects(channel);
        WorkerSettings settings = new WorkerSettings(SharedKafka.bootstrapServers(), topic, "first-" + id, 2, 4,
                10, Duration.ofSeconds(60), Duration.ofMillis(200), 8, Duration.ofSeconds(60));
        try (TranscodeWorker worker = new TranscodeWorker(settings, objects, new SimpleMeterRegistry(),
                Clock.systemUTC(), null)) {
            Eventually.await("the playlist ends", () -> {
                String text = PublicHttp.text("live/" + channel + "/source/index.m3u8");
                return text != null && text.contains("#EXT-X-ENDLIST");
            });
        }

        List<String> calls = List.copyOf(objects.calls);
        assertFalse(objects.stateReads.apart(), "the state object and the listing are read together: " + calls);
        assertEquals(List.of("GET state", "LIST"), calls.subList(0, 2).stream().sorted().toList(),
                "a new channel's state: the state object's 404 and an empty listing, no playlist read: " + calls);
        assertEquals(List.of(
                "PUT init init segment segment",  // source and audio: the first record names new init segments
                "PUT mpd playlist playlist",      // the media playlists and the MPD name them
                "PUT multivariant",               // names the media playlists: after them
                "PUT state"), calls.subList(2, 6), "the first record's writes, round by round: " + calls);
        assertEquals(1, calls.stream().filter(c -> c.startsWith("GET state")).count(), "the state is read once");
    }
}
