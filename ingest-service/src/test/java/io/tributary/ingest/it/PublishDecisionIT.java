package io.tributary.ingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.ffmpeg.ProcessResult;
import io.tributary.ingest.rtmp.message.CommandAmf0;
import io.tributary.media.amf.AmfValue;
import io.tributary.media.event.StopReason;
import io.tributary.media.event.StreamStarted;
import io.tributary.media.event.Topics;
import io.tributary.media.flv.VideoTag;
import io.tributary.media.gop.GopContent;
import io.tributary.media.gop.GopRecordReader;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.testsupport.quarkus.KafkaTestResource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Decide, then answer: {@code NetStream.Publish.Start} only after auth-service allows, a refusal with its reason and
 * a close otherwise, nothing on any topic for a refused publisher, and one live session per channel.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(IngestTestResource.class)
class PublishDecisionIT {

    @Test
    void refusesAWrongKeyBeforeAnyEvent() throws Exception {
        Path clip = TestMedia.h264Aac(Duration.ofSeconds(2), 320, 180, 30, 30);
        ProcessResult ffmpeg = Broadcast.publish(clip, Broadcast.rtmpUrl("wrong-key-123"));
        assertNotEquals(0, ffmpeg.exitCode(), "ffmpeg must fail: " + ffmpeg.stderrTail());

        try (RtmpTestClient client = RtmpTestClient.open(Broadcast.rtmpPort())) {
            client.handshake();
            client.connect("live");
            client.sendPublish("revoked-denied");
            // media right behind the publish, before any answer: it must never reach a topic
            SyntheticMedia.send(client, 0, 2, 500);
            assertEquals("NetStream.Publish.BadName", client.awaitStatus().orElseThrow());
            assertTrue(client.closedByServerWithin(Duration.ofSeconds(10)), "closed after the refusal");
        }
        for (String topic : List.of(Topics.STREAM_STARTED, Topics.STREAM_STOPPED, Topics.STREAM_GOPS)) {
            assertEquals(List.of(), TopicRecords.all(topic, "denied"), topic);
        }
        assertCounted("unknown-key");
        assertCounted("revoked");
        assertTrue(Broadcast.metrics().contains("tributary_ingest_auth_latency_seconds_bucket"), "auth latency");
    }

    @Test
    void failsClosedWhenAuthServiceErrsOrIsSlow() throws Exception {
        for (String key : List.of("error-1", "slow-1")) {
            try (RtmpTestClient client = RtmpTestClient.open(Broadcast.rtmpPort())) {
                long started = System.nanoTime();
                assertEquals("NetStream.Publish.BadName", client.publish("live", key), key);
                assertTrue(client.closedByServerWithin(Duration.ofSeconds(10)), key);
                assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(8), key + " within the timeout");
            }
        }
        assertCounted("auth-unavailable");
    }

    @Test
    void acceptsMediaSentBeforeTheAnswerOnlyOnceAllowed() throws Exception {
        try (RtmpTestClient client = RtmpTestClient.open(Broadcast.rtmpPort())) {
            client.handshake();
            client.connect("live");
            client.sendPublish("good-early");
            long next = SyntheticMedia.send(client, 0, 2, 500); // sent before the answer, held until it
            assertEquals("NetStream.Publish.Start", client.awaitStatus().orElseThrow());
            SyntheticMedia.send(client, next, 1, 500);
            client.send(new CommandAmf0(0, 0, List.of(AmfValue.string("deleteStream"), AmfValue.number(5),
                    AmfValue.NULL, AmfValue.number(1))));
        }
        Broadcast broadcast = Broadcast.awaitEnd("early");
        broadcast.assertCompleteSession();
        GopContent first = GopRecordReader.read(broadcast.gops().get(0).value());
        VideoTag keyframe = (VideoTag) first.tags().stream().filter(t -> t instanceof VideoTag).findFirst().orElseThrow();
        assertEquals(0, keyframe.timestamp(), "the first keyframe, sent before the answer, is in the first record");
        assertEquals(3000, broadcast.totalDurationMillis(), 40);
    }

    @Test
    void refusesASecondPublisherOnALiveChannel() throws Exception {
        Path clip = TestMedia.h264Aac(Duration.ofSeconds(8), 320, 180, 30, 30);
        CompletableFuture<ProcessResult> first = Broadcast.publishAsync(clip, Broadcast.rtmpUrl("good-dup.first"));
        List<StreamStarted> started = Broadcast.events(Topics.STREAM_STARTED, "dup", StreamStarted.class, 1);
        assertEquals(1, started.size(), "the first publisher is live");

        try (RtmpTestClient second = RtmpTestClient.open(Broadcast.rtmpPort())) {
            assertEquals("NetStream.Publish.BadName", second.publish("live", "good-dup.second"));
        }
        ProcessResult secondFfmpeg = Broadcast.publish(TestMedia.h264Aac(Duration.ofSeconds(2), 320, 180, 30, 30),
                Broadcast.rtmpUrl("good-dup.third"));
        assertNotEquals(0, secondFfmpeg.exitCode(), "a second ffmpeg is refused too");

        ProcessResult firstFfmpeg = first.get(120, TimeUnit.SECONDS);
        assertEquals(0, firstFfmpeg.exitCode(), firstFfmpeg.stderrTail());
        Broadcast broadcast = Broadcast.awaitEnd("dup");
        broadcast.assertCompleteSession();
        assertEquals(StopReason.PUBLISHER_CLOSED, broadcast.stopped().get(0).reason());
        assertEquals(started.get(0).sessionId(), broadcast.stopped().get(0).sessionId());
        assertCounted("channel-live");
    }

    private static void assertCounted(String reason) {
        assertTrue(Broadcast.metrics().contains("tributary_ingest_publish_rejections_total{reason=\"" + reason + "\"}"),
                "rejections counted by reason: " + reason);
    }

    @Test
    void asksAuthServiceWithKeyAppQueryAndClientAddress() throws Exception {
        try (RtmpTestClient client = RtmpTestClient.open(Broadcast.rtmpPort())) {
            assertEquals("NetStream.Publish.Start", client.publish("live", "good-asked?token=t-42"));
        }
        JsonObject asked = requests().stream().filter(r -> "good-asked".equals(r.getString("key"))).findFirst()
                .orElseThrow();
        assertEquals("live", asked.getString("app"));
        assertEquals("token=t-42", asked.getString("query"));
        assertEquals("127.0.0.1", asked.getString("clientIp"));
        assertEquals("Bearer " + StandInAuth.TOKEN, asked.getString("authorization"));
    }

    private static List<JsonObject> requests() throws Exception {
        String authUrl = ConfigProvider.getConfig().getValue("tributary.ingest.auth-url", String.class);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(authUrl + "/requests")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonArray all = new JsonArray(response.body());
        return java.util.stream.IntStream.range(0, all.size()).mapToObj(all::getJsonObject).toList();
    }
}
