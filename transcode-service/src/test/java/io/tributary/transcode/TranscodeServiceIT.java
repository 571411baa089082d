package io.tributary.transcode;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.media.event.SegmentPublished;
import io.tributary.testsupport.gop.TestGops;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.testsupport.quarkus.KafkaTestResource;
import io.tributary.testsupport.quarkus.S3TestResource;
import io.tributary.transcode.testing.Eventually;
import io.tributary.transcode.testing.GopTopicTestResource;
import io.tributary.transcode.testing.MediaPlaylistView;
import io.tributary.transcode.testing.Probe;
import io.tributary.transcode.testing.PublicHttp;
import io.tributary.transcode.testing.PublishedSegments;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The running service, end to end: GOP records made the way the ingest makes them go onto {@code stream-gops}, and
 * real players (ffprobe, ffmpeg) read the result anonymously over HTTP from the S3 server, as a viewer or a CDN
 * would: the HLS multivariant playlist and the DASH MPD, with the clip's duration and no decoding error.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(S3TestResource.class)
@QuarkusTestResource(GopTopicTestResource.class)
class TranscodeServiceIT {
    private static final int FPS = 30;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String channel(String kind) {
        return "it-" + kind + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Publishes the clip as one session and waits for its playlists to end. */
    private void stream(String channel, java.nio.file.Path clip) throws InterruptedException {
        List<TestGops.TestGop> gops = TestGops.split(clip, UUID.randomUUID().toString());
        TestGops.publish(bootstrapServers, channel, gops);
        Eventually.await("the playlists of " + channel + " end", () -> {
            String source = PublicHttp.text("live/" + channel + "/source/index.m3u8");
            String audio = PublicHttp.text("live/" + channel + "/audio/index.m3u8");
            return source != null && source.contains("#EXT-X-ENDLIST") && audio != null
                    && audio.contains("#EXT-X-ENDLIST");
        });
    }

    @Test
    void anH264SessionPlaysOverHlsAndDashFromTheBucketAnonymously() throws Exception {
        String channel = channel("h264");
        stream(channel, TestMedia.h264Aac(Duration.ofSeconds(6), 640, 360, FPS, FPS));

        String master = PublicHttp.url("live/" + channel + "/master.m3u8");
        JsonNode probe = Probe.probe(master);
        assertEquals("h264", Probe.stream(probe, "video").get("codec_name").asText());
        assertEquals(640, Probe.stream(probe, "video").get("width").asInt());
        assertEquals("aac", Probe.stream(probe, "audio").get("codec_name").asText());
        assertEquals(6.0, probe.get("format").get("duration").asDouble(), 0.1);
        assertEquals(6 * FPS, Probe.frames(master, "v"));
        Probe.assertDecodesCleanly(master);

        String mpd = PublicHttp.url("live/" + channel + "/manifest.mpd");
        String mpdText = PublicHttp.text("live/" + channel + "/manifest.mpd");
        assertTrue(mpdText.contains("type=\"static\""), mpdText);
        assertEquals("h264", Probe.stream(Probe.probe(mpd), "video").get("codec_name").asText());
        assertEquals(6 * FPS, Probe.frames(mpd, "v"));
        Probe.assertDecodesCleanly(mpd);
    }

    @Test
    void theMediaPlaylistsFollowRfc8216AndEndWithTheSession() {
        String channel = channel("rfc");
        try {
            stream(channel, TestMedia.h264Aac(Duration.ofSeconds(6), 640, 360, FPS, FPS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        for (String rendition : List.of("source", "audio")) {
            MediaPlaylistView p = MediaPlaylistView.parse(PublicHttp.text("live/" + channel + "/" + rendition
                    + "/index.m3u8"));
            assertTrue(p.ended(), rendition);
            assertEquals(0, p.mediaSequence(), rendition);
            assertEquals(6, p.segments().size(), "six 1-second GOPs, a window of six: " + rendition);
            assertEquals(0, p.discontinuities(), rendition);
            assertEquals(1, p.targetDuration(), rendition);
            assertEquals(6.0, p.totalSeconds().doubleValue(), 0.05, rendition);
            String session = p.uris().get(0).substring(0, p.uris().get(0).lastIndexOf('-'));
            assertEquals(IntStream.range(0, 6).mapToObj(i -> session + "-" + i + ".m4s").toList(), p.uris());
            for (MediaPlaylistView.Segment s : p.segments()) {
                assertEquals(200, PublicHttp.status("live/" + channel + "/" + rendition + "/" + s.uri()));
                assertEquals(200, PublicHttp.status("live/" + channel + "/" + rendition + "/" + s.map()));
                assertTrue(s.map().matches("init-[0-9a-f]{16}\\.mp4"), s.map());
            }
            assertTrue(p.segments().stream().map(MediaPlaylistView.Segment::seconds)
                    .allMatch(d -> d.compareTo(BigDecimal.ZERO) > 0));
        }
    }

    @Test
    void objectsCarryTheirMediaTypesCacheLifetimesAndCors() throws Exception {
        String channel = channel("headers");
        stream(channel, TestMedia.h264Aac(Duration.ofSeconds(3), 320, 180, FPS, FPS));
        MediaPlaylistView source = MediaPlaylistView.parse(PublicHttp.text("live/" + channel + "/source/index.m3u8"));

        HttpResponse<byte[]> master = PublicHttp.getFromOrigin("live/" + channel + "/master.m3u8",
                "https://player.example");
        assertEquals(200, master.statusCode());
        assertEquals("application/vnd.apple.mpegurl", master.headers().firstValue("Content-Type").orElse(""));
        assertEquals("public, max-age=1", master.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(master.headers().firstValue("Access-Control-Allow-Origin").isPresent(), "CORS for browsers");
        HttpResponse<byte[]> mpd = PublicHttp.get("live/" + channel + "/manifest.mpd");
        assertEquals("application/dash+xml", mpd.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<byte[]> segment = PublicHttp.get("live/" + channel + "/source/" + source.uris().get(0));
        assertEquals("video/iso.segment", segment.headers().firstValue("Content-Type").orElse(""));
        assertTrue(segment.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
        HttpResponse<byte[]> init = PublicHttp.get("live/" + channel + "/source/" + source.segments().get(0).map());
        assertEquals("video/mp4", init.headers().firstValue("Content-Type").orElse(""));
        assertTrue(init.headers().firstValue("Cache-Control").orElse("").contains("immutable"));

        assertEquals(403, PublicHttp.status("state/transcode/" + channel + ".json"),
                "the worker's state is not public");
    }

    @Test
    void anHevcSessionPlaysOverHls() throws Exception {
        String channel = channel("hevc");
        stream(channel, TestMedia.hevcAac(Duration.ofSeconds(4), 640, 360, FPS, FPS));

        String masterText = PublicHttp.text("live/" + channel + "/master.m3u8");
        assertTrue(masterText.contains("CODECS=\"hvc1."), masterText);
        String master = PublicHttp.url("live/" + channel + "/master.m3u8");
        assertEquals("hevc", Probe.stream(Probe.probe(master), "video").get("codec_name").asText());
        assertEquals(4 * FPS, Probe.frames(master, "v"));
        Probe.assertDecodesCleanly(master);
        Probe.assertDecodesCleanly(PublicHttp.url("live/" + channel + "/manifest.mpd"));
    }

    @Test
    void eachSegmentIsAnnouncedWithItsLatencyAndMeasured() throws Exception {
        String channel = channel("events");
        stream(channel, TestMedia.h264Aac(Duration.ofSeconds(3), 320, 180, FPS, FPS));

        List<SegmentPublished> events = PublishedSegments.of(channel, 6);
        assertEquals(6, events.size(), "three GOPs, two renditions: " + events);
        assertEquals(Set.of("source", "audio"), events.stream().map(SegmentPublished::rendition)
                .collect(Collectors.toSet()));
        assertEquals(Set.of(0L, 1L, 2L), events.stream().map(SegmentPublished::sequence).collect(Collectors.toSet()));
        for (SegmentPublished e : events) {
            assertEquals(200, PublicHttp.status(e.key()), e.key());
            assertTrue(e.latencyMillis() >= 0 && e.bytes() > 0 && e.durationMillis() > 0, e.toString());
            assertTrue(e.key().startsWith("live/" + channel + "/" + e.rendition() + "/"), e.key());
        }
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("tributary_transcode_gop_to_playlist_seconds_count"))
                .body(containsString("tributary_transcode_segments_total"));
    }
}
