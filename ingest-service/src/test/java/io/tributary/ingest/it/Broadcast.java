package io.tributary.ingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.ffmpeg.ProcessResult;
import io.tributary.kafka.GopRecords;
import io.tributary.media.event.EventJson;
import io.tributary.media.event.StreamStarted;
import io.tributary.media.event.StreamStopped;
import io.tributary.media.event.Topics;
import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopHeaders;
import io.tributary.media.gop.GopMetadata;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * One channel's broadcast as the topics show it, and the ways tests make one: ffmpeg publishing a clip in real time
 * ({@code -re -c copy -f flv}), like an encoder would.
 */
record Broadcast(List<StreamStarted> started, List<StreamStopped> stopped, List<Gop> gops) {

    static final FfmpegRunner FFMPEG = FfmpegRunner.bundled();
    /** Generous: the build machine is shared and slow. */
    static final Duration WAIT = Duration.ofSeconds(60);

    /** One GOP record: metadata from its headers, the FLV value. */
    record Gop(GopMetadata metadata, byte[] value) {
    }

    /** The service's Prometheus exposition. */
    static String metrics() {
        return io.restassured.RestAssured.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    static int rtmpPort() {
        return ConfigProvider.getConfig().getValue("tributary.ingest.rtmp-port", Integer.class);
    }

    static int rtmpsPort() {
        return ConfigProvider.getConfig().getValue("tributary.ingest.rtmps-port", Integer.class);
    }

    static String rtmpUrl(String publishName) {
        return "rtmp://127.0.0.1:" + rtmpPort() + "/live/" + publishName;
    }

    /** Publishes a clip in real time and waits for ffmpeg to end. */
    static ProcessResult publish(Path clip, String url) {
        return FFMPEG.ffmpeg(Duration.ofSeconds(180), List.of("-v", "error", "-re", "-i", clip.toString(),
                "-c", "copy", "-f", "flv", url));
    }

    static CompletableFuture<ProcessResult> publishAsync(Path clip, String url) {
        return CompletableFuture.supplyAsync(() -> publish(clip, url));
    }

    /** Waits for the channel's {@code stream-stopped}, then reads everything the channel has on the three topics. */
    static Broadcast awaitEnd(String channel) {
        return awaitEnd(channel, Set.of());
    }

    /**
     * Like {@link #awaitEnd(String)} for a channel that had sessions before: the first session not in
     * {@code earlierSessions}, with only its own events and records.
     */
    static Broadcast awaitEnd(String channel, Set<String> earlierSessions) {
        List<StreamStopped> stopped = events(Topics.STREAM_STOPPED, channel, StreamStopped.class,
                earlierSessions.size() + 1).stream().filter(s -> !earlierSessions.contains(s.sessionId())).toList();
        assertFalse(stopped.isEmpty(), "stream-stopped for " + channel);
        String sessionId = stopped.get(0).sessionId();
        List<Gop> gops = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : TopicRecords.read(Topics.STREAM_GOPS, channel,
                l -> l.stream().anyMatch(x -> isLastOf(x, sessionId)), WAIT)) {
            Gop gop = new Gop(GopHeaders.decode(GopRecords.lastHeader(r.headers())), r.value());
            if (gop.metadata().sessionId().equals(sessionId)) {
                gops.add(gop);
            }
        }
        gops.sort(Comparator.comparingLong(g -> g.metadata().sequence()));
        List<StreamStarted> started = events(Topics.STREAM_STARTED, channel, StreamStarted.class, 0).stream()
                .filter(s -> s.sessionId().equals(sessionId)).toList();
        return new Broadcast(started, stopped.stream().filter(s -> s.sessionId().equals(sessionId)).toList(), gops);
    }

    /** The session ids the channel has had so far. */
    static Set<String> sessionsOf(String channel) {
        return events(Topics.STREAM_STOPPED, channel, StreamStopped.class, 0).stream().map(StreamStopped::sessionId)
                .collect(Collectors.toSet());
    }

    /** The channel's events of one topic; waits until there are at least {@code atLeast}. */
    static <T> List<T> events(String topic, String channel, Class<T> type, int atLeast) {
        List<T> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : TopicRecords.read(topic, channel, l -> l.size() >= atLeast, WAIT)) {
            events.add(EventJson.read(r.value(), type));
        }
        return events;
    }

    /** The one session's records: sequence 0..n without gaps, {@code first} on the first only, {@code last} on the last. */
    void assertCompleteSession() {
        assertEquals(1, started.size(), "stream-started exactly once");
        assertEquals(1, stopped.size(), "stream-stopped exactly once");
        String sessionId = stopped.get(0).sessionId();
        assertEquals(sessionId, started.get(0).sessionId());
        assertFalse(gops.isEmpty(), "GOP records");
        for (int i = 0; i < gops.size(); i++) {
            GopMetadata m = gops.get(i).metadata();
            assertEquals(sessionId, m.sessionId());
            assertEquals(i, m.sequence(), "sequence without gaps");
            assertEquals(i == 0, m.has(GopFlag.FIRST), "first flag on record " + i);
            assertEquals(i == gops.size() - 1, m.has(GopFlag.LAST), "last flag on record " + i);
        }
        assertEquals(gops.size(), stopped.get(0).gopCount(), "gopCount");
        assertEquals(totalDurationMillis(), stopped.get(0).durationMillis(), "duration");
        assertTrue(stopped.get(0).bytes() > 0, "bytes");
    }

    long totalDurationMillis() {
        return gops.stream().mapToLong(g -> g.metadata().mediaDurationMillis()).sum();
    }

    /** ffprobe decodes every frame of every record on its own (the record value alone, {@code -f flv}). */
    void assertEachRecordDecodes(String videoCodec, String audioCodec) {
        for (Gop g : gops) {
            ProcessResult probe = FFMPEG.ffprobe(Duration.ofSeconds(60), g.value(), List.of("-v", "error",
                    "-f", "flv", "-count_frames", "-show_entries", "stream=codec_name,nb_read_frames",
                    "-of", "csv=p=0", "-i", "pipe:0"));
            String out = probe.stdoutText();
            String record = "record " + g.metadata().sequence() + ": " + out + probe.stderrTail();
            assertEquals(0, probe.exitCode(), record);
            assertTrue(probe.stderrTail().isBlank(), "no decoding error in " + record);
            assertTrue(out.contains(videoCodec) && out.contains(audioCodec), record);
            if (!g.metadata().has(GopFlag.LAST) || g.metadata().mediaDurationMillis() > 0) {
                assertFalse(out.contains(videoCodec + ",0"), "frames decoded in " + record);
            }
        }
    }

    private static boolean isLastOf(ConsumerRecord<String, byte[]> r, String sessionId) {
        GopMetadata m = GopHeaders.decode(GopRecords.lastHeader(r.headers()));
        return m.sessionId().equals(sessionId) && m.has(GopFlag.LAST);
    }
}
