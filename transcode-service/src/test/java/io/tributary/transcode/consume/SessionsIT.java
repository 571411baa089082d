package io.tributary.transcode.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.testsupport.gop.TestGops;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.transcode.testing.Eventually;
import io.tributary.transcode.testing.GopPublisher;
import io.tributary.transcode.testing.HandWiredTranscoder;
import io.tributary.transcode.testing.MediaPlaylistView;
import io.tributary.transcode.testing.Probe;
import io.tributary.transcode.testing.PublicHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two sessions on one channel. A session whose last record never came (its ingest crashed; the publisher came back
 * as a new session) is continued by the next with EXT-X-DISCONTINUITY and a new DASH Period, so viewers keep
 * watching; a session that ended is followed by playlists that start over, numbered on from the ended ones.
 */
class SessionsIT {
    private static final Path CLIP = TestMedia.h264Aac(Duration.ofSeconds(3), 320, 180, 30, 30);

    private record Setup(String topic, String channel, String group) {
    }

    private static Setup setup(String name) throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Setup s = new Setup("gops-" + name + "-" + id, name + "-" + id, name + "-" + id);
        GopPublisher.createTopics(s.topic(), 1);
        return s;
    }

    private static MediaPlaylistView playlist(String channel, String rendition) {
        return MediaPlaylistView.parse(PublicHttp.text("live/" + channel + "/" + rendition + "/index.m3u8"));
    }

    private static void awaitEnded(String channel, String lastUri) throws InterruptedException {
        Eventually.await(channel + " ends with " + lastUri, () -> {
            String text = PublicHttp.text("live/" + channel + "/audio/index.m3u8");
            String video = PublicHttp.text("live/" + channel + "/source/index.m3u8");
            return text != null && video != null && text.contains(lastUri + "\n#EXT-X-ENDLIST")
                    && video.contains(lastUri + "\n#EXT-X-ENDLIST");
        });
    }

    @Test
    void aSessionAfterOneThatNeverEndedContinuesThePlaylistsWithADiscontinuity() throws Exception {
        Setup s = setup("reconnect");
        List<TestGops.TestGop> a = new ArrayList<>(TestGops.split(CLIP, "A" + s.group()));
        a.set(a.size() - 1, GopPublisher.withoutLast(a.get(a.size() - 1)));
        List<TestGops.TestGop> b = TestGops.split(CLIP, "B" + s.group());
        GopPublisher.publish(s.topic(), s.channel(), a);
        GopPublisher.publish(s.topic(), s.channel(), b);

        try (HandWiredTranscoder worker = new HandWiredTranscoder(s.topic(), s.group(), 10, Duration.ofSeconds(60))) {
            awaitEnded(s.channel(), "B" + s.group() + "-2.m4s");
        }
        for (String rendition : List.of("source", "audio")) {
            MediaPlaylistView p = playlist(s.channel(), rendition);
            assertEquals(List.of("A" + s.group() + "-0.m4s", "A" + s.group() + "-1.m4s", "A" + s.group() + "-2.m4s",
                    "B" + s.group() + "-0.m4s", "B" + s.group() + "-1.m4s", "B" + s.group() + "-2.m4s"), p.uris());
            assertEquals(1, p.discontinuities(), rendition);
            assertTrue(p.segments().get(3).discontinuity(), "EXT-X-DISCONTINUITY before B's first segment");
            assertEquals(0, p.mediaSequence());
            assertTrue(p.ended());
        }
        String mpd = PublicHttp.text("live/" + s.channel() + "/manifest.mpd");
        assertEquals(2, mpd.split("<Period ", -1).length - 1, "one Period per session: " + mpd);
        assertTrue(mpd.contains("<Period id=\"B" + s.group() + "-0\""), mpd);
        Probe.assertDecodesCleanly(PublicHttp.url("live/" + s.channel() + "/manifest.mpd"));
        // each side of the discontinuity plays with the init segment its EXT-X-MAP names (FFmpeg's HLS demuxer does
        // not honour EXT-X-DISCONTINUITY, trac #5419, so it cannot judge the playlist across the boundary)
        MediaPlaylistView source = playlist(s.channel(), "source");
        for (String session : List.of("A", "B")) {
            List<String> keys = new ArrayList<>();
            source.segments().stream().filter(seg -> seg.uri().startsWith(session + s.group())).forEach(seg -> {
                if (keys.isEmpty()) {
                    keys.add("live/" + s.channel() + "/source/" + seg.map());
                }
                keys.add("live/" + s.channel() + "/source/" + seg.uri());
            });
            assertEquals(90, Probe.framesOfObjects(keys), "session " + session + " plays whole");
        }
    }

    @Test
    void aSessionAfterAnEndedOneStartsThePlaylistsOverNumberedOnFromTheEndedOnes() throws Exception {
        Setup s = setup("fresh");
        List<TestGops.TestGop> a = TestGops.split(CLIP, "A" + s.group());
        try (HandWiredTranscoder worker = new HandWiredTranscoder(s.topic(), s.group(), 10, Duration.ofSeconds(2))) {
            GopPublisher.publish(s.topic(), s.channel(), a);
            awaitEnded(s.channel(), "A" + s.group() + "-2.m4s");
            List<TestGops.TestGop> b = TestGops.split(CLIP, "B" + s.group());
            GopPublisher.publish(s.topic(), s.channel(), b);
            awaitEnded(s.channel(), "B" + s.group() + "-2.m4s");

            for (String rendition : List.of("source", "audio")) {
                MediaPlaylistView p = playlist(s.channel(), rendition);
                assertEquals(List.of("B" + s.group() + "-0.m4s", "B" + s.group() + "-1.m4s",
                        "B" + s.group() + "-2.m4s"), p.uris(), rendition);
                assertEquals(3, p.mediaSequence(), "A's three segments count as gone: " + rendition);
                assertEquals(1, p.discontinuitySequence(), "so does the boundary between the sessions");
                assertEquals(0, p.discontinuities());
                assertTrue(p.ended());
                for (int i = 0; i < 3; i++) {
                    String old = "live/" + s.channel() + "/" + rendition + "/A" + s.group() + "-" + i + ".m4s";
                    Eventually.await(old + " deleted after the grace period", () -> PublicHttp.status(old) != 200);
                }
                for (String uri : p.uris()) {
                    assertEquals(200, PublicHttp.status("live/" + s.channel() + "/" + rendition + "/" + uri));
                }
            }
        }
        String mpd = PublicHttp.text("live/" + s.channel() + "/manifest.mpd");
        assertEquals(1, mpd.split("<Period ", -1).length - 1, mpd);
        assertFalse(mpd.contains("A" + s.group()), "a new presentation: " + mpd);
        assertEquals(90, Probe.frames(PublicHttp.url("live/" + s.channel() + "/manifest.mpd"), "v"));
    }
}
