package io.tributary.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import io.tributary.deploy.e2e.EventRecorder;
import io.tributary.deploy.e2e.FfmpegPublisher;
import io.tributary.deploy.e2e.MediaPlaylist;
import io.tributary.deploy.e2e.MediaProbe;
import io.tributary.deploy.e2e.MultivariantPlaylist;
import io.tributary.deploy.e2e.TributaryCli;
import io.tributary.ffmpeg.FfmpegBinaries;
import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.media.event.ArchiveReady;
import io.tributary.media.event.StopReason;
import io.tributary.media.event.StreamStarted;
import io.tributary.media.event.StreamStopped;
import io.tributary.media.event.Topics;
import io.tributary.testsupport.media.TestMedia;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole system as a streamer, a viewer and an operator meet it: {@code ./tributary up} on free ports and a
 * data directory of its own, a real ffmpeg publishing a 20 s H.264/AAC clip ({@code -re -c copy -f flv}) to the
 * printed RTMP URL with the printed demo key, then what a platform sees on Kafka, what a player fetches
 * anonymously from the printed URLs, what ffprobe decodes, what the archive holds, and what {@code ./tributary live}
 * says. The tests run in order against one broadcast: first those that need it live, then those that need it over.
 *
 * <p>Every wait is bounded by a deadline measured from the event it depends on (publish start, stream-started,
 * ffmpeg's exit, stream-stopped); a failure names what was missing and quotes the logs of the service concerned.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    /** Seven JVMs starting on a shared 2-core machine: generous, and still a bound (not part of the scenario). */
    private static final Duration UP_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration CLIP_LENGTH = Duration.ofSeconds(20);
    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final int FPS = 30;
    /** A keyframe a second, as encoders configured for live streaming send them. */
    private static final int GOP_FRAMES = 30;
    /**
     * One frame at 30 fps is 33.3 ms; ffprobe prints durations to the microsecond and MP4 keeps them in its track
     * timescale, so 34 ms is "within one frame" without admitting a second one.
     */
    private static final double ONE_FRAME_SECONDS = 0.034;

    /** ffmpeg's connect, handshake, publish decision and the first GOP (1 s), with room for a loaded machine. */
    private static final Duration STARTED_WITHIN = Duration.ofSeconds(15);
    /** From stream-started to playlists, segments and a thumbnail in the bucket. */
    private static final Duration MEDIA_WITHIN = Duration.ofSeconds(20);
    /** The live directory follows stream-started / stream-stopped within a poll (200 ms); the CLI is a JVM start. */
    private static final Duration DIRECTORY_WITHIN = Duration.ofSeconds(15);
    /** ffmpeg -re takes the clip's length, plus start-up. */
    private static final Duration PUBLISH_ENDS_WITHIN = CLIP_LENGTH.plusSeconds(40);
    private static final Duration STOPPED_WITHIN = Duration.ofSeconds(15);
    private static final Duration ENDLIST_WITHIN = Duration.ofSeconds(20);
    /** The archive encodes and fragments each GOP while live; after the last one, its fragment and the assembly. */
    private static final Duration ARCHIVE_WITHIN = Duration.ofSeconds(60);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CLI_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REFUSED_WITHIN = Duration.ofSeconds(15);
    /** How long to keep watching for an event that must not come. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    private static final String DEMO = "demo";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final MediaProbe probe = new MediaProbe(FfmpegRunner.bundled());
    private LaunchedStack stack;
    private StackFacts facts;
    private EventRecorder events;
    private FfmpegPublisher publisher;
    private TributaryCli cli;
    private Path clip;
    private JsonNode clipProbe;
    private StreamStarted started;
    private Instant publishEnded;
    private StreamStopped stopped;

    @BeforeAll
    void startTheStackAndPublish() throws Exception {
        clip = TestMedia.h264AacMp4(CLIP_LENGTH, WIDTH, HEIGHT, FPS, GOP_FRAMES);
        clipProbe = probe.describe(clip.toString(), PROBE_TIMEOUT);
        stack = LaunchedStack.start("end-to-end-it", UP_TIMEOUT);
        facts = stack.facts();
        assertNotNull(facts.demo(), "stack.json has no demo channel");
        cli = new TributaryCli(stack.root().resolve("tributary"), stack.dataDir());
        events = EventRecorder.start(facts.kafkaBootstrap(),
                List.of(Topics.STREAM_STARTED, Topics.STREAM_STOPPED, Topics.ARCHIVE_READY));
        publisher = FfmpegPublisher.start(FfmpegBinaries.locate().ffmpeg(), clip, publishUrl(facts.demo().streamKey()),
                facts.demo().streamKey(), stack.dataDir().resolve("logs/ffmpeg-publisher.log"));
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (publisher != null) {
            publisher.close();
        }
        if (events != null) {
            events.close();
        }
        if (stack != null) {
            stack.stop(Duration.ofSeconds(60));
            stack.close();
        }
    }

    // ---- while live ----

    @Test
    @Order(1)
    void streamStartedArrivesForTheDemoChannelWithTheClipsCodecsAndThePrintedUrls() throws Exception {
        StreamStarted event = started();

        assertEquals("live", event.app());
        assertTrue(event.video() != null && event.video().codec().startsWith("avc1."), "video: " + event.video());
        assertEquals(WIDTH, event.video().width(), "video width");
        assertEquals(HEIGHT, event.video().height(), "video height");
        assertTrue(event.audio() != null && event.audio().codec().startsWith("mp4a.40"), "audio: " + event.audio());
        assertEquals(facts.demo().hlsUrl(), event.playbackUrls().get(StreamStarted.HLS), "HLS URL");
        assertEquals(facts.demo().dashUrl(), event.playbackUrls().get(StreamStarted.DASH), "DASH URL");
    }

    @Test
    @Order(2)
    void hlsMasterAndMediaPlaylistsAreValidWhileLive() throws Exception {
        Instant deadline = started().startedAt().plus(MEDIA_WITHIN);
        String masterUrl = facts.demo().hlsUrl();
        HttpResponse<String> master = awaitOk(masterUrl, deadline, "the HLS master playlist", "transcode");
        MultivariantPlaylist variants = MultivariantPlaylist.parse(master.body());
        assertEquals(List.of(), variants.problems(), "master playlist:\n" + master.body());

        for (String uri : variants.mediaPlaylistUris()) {
            URI mediaUrl = URI.create(masterUrl).resolve(uri);
            MediaPlaylist first = awaitSegments(mediaUrl, deadline);
            assertTrue(publisher.isAlive(), mediaUrl + " had no segment before the publisher ended ("
                    + MEDIA_WITHIN + " after stream-started)");
            assertEquals(List.of(), first.problems(), mediaUrl + " is not valid");
            assertFalse(first.endList(), mediaUrl + " has EXT-X-ENDLIST while the publisher is live");

            HttpResponse<byte[]> init = getBytes(mediaUrl.resolve(first.mapUri()).toString());
            assertEquals(200, init.statusCode(), "anonymous GET of the init segment " + first.mapUri());
            assertEquals("ftyp", boxType(init.body()), "the init segment starts with ftyp");
            String segmentUri = first.segments().get(first.segments().size() - 1).uri();
            HttpResponse<byte[]> segment = getBytes(mediaUrl.resolve(segmentUri).toString());
            assertEquals(200, segment.statusCode(), "anonymous GET of the media segment " + segmentUri);
            assertTrue(List.of("styp", "moof").contains(boxType(segment.body())),
                    "a CMAF segment starts with styp or moof, " + segmentUri + " with " + boxType(segment.body()));

            // live: the playlist moves on, and its media sequence never goes back (RFC 8216 6.2.2)
            MediaPlaylist later = awaitChange(mediaUrl, first, Instant.now().plusSeconds(10));
            assertTrue(later.mediaSequence() >= first.mediaSequence(), "media sequence went back from "
                    + first.mediaSequence() + " to " + later.mediaSequence());
            assertTrue(later.mediaSequence() + later.segments().size()
                    > first.mediaSequence() + first.segments().size(), mediaUrl + " did not grow while live");
            assertEquals(List.of(), later.problems(), mediaUrl + " is not valid later");
        }
    }

    @Test
    @Order(3)
    void cliLiveListsTheChannelWhileLive() throws Exception {
        Instant deadline = started().startedAt().plus(DIRECTORY_WITHIN);
        List<String> channels = awaitCliLive(deadline, true);
        assertTrue(channels.contains(DEMO), "./tributary live did not list demo while live: " + channels
                + "\n" + stack.log("auth", 20));

        String sessionId = started().sessionId();
        TributaryCli.Run table = cli.run(CLI_TIMEOUT, "live");
        assertEquals(0, table.exitStatus(), table.err());
        assertTrue(table.out().lines().anyMatch(line -> line.startsWith(DEMO + " ") && line.contains(sessionId)),
                "no row for demo:\n" + table.out());
    }

    @Test
    @Order(4)
    void ffprobeDecodesTheHlsUrl() {
        JsonNode decoded = probe.decoding(facts.demo().hlsUrl(), Duration.ofSeconds(2), PROBE_TIMEOUT);
        assertDecodesTheClip(decoded, "HLS");
    }

    @Test
    @Order(5)
    void ffprobeDecodesTheDashUrl() {
        JsonNode decoded = probe.decoding(facts.demo().dashUrl(), Duration.ofSeconds(2), PROBE_TIMEOUT);
        assertDecodesTheClip(decoded, "DASH");
    }

    @Test
    @Order(6)
    void latestThumbnailIsAJpegOfTheStream() throws Exception {
        Instant deadline = started().startedAt().plus(MEDIA_WITHIN);
        String url = facts.demo().thumbnailUrl();
        HttpResponse<byte[]> jpeg = awaitOkBytes(url, deadline, "latest.jpg", "thumbnail");
        byte[] body = jpeg.body();
        assertTrue(body.length > 4 && (body[0] & 0xff) == 0xff && (body[1] & 0xff) == 0xd8
                && (body[2] & 0xff) == 0xff, "latest.jpg does not start with a JPEG SOI marker");
        assertTrue((body[body.length - 2] & 0xff) == 0xff && (body[body.length - 1] & 0xff) == 0xd9,
                "latest.jpg does not end with a JPEG EOI marker");
        JsonNode picture = MediaProbe.stream(probe.describe(url, PROBE_TIMEOUT), "video").orElseThrow();
        assertEquals("mjpeg", picture.path("codec_name").asText());
        assertEquals(WIDTH, picture.path("width").asInt(), "thumbnail width (640, never upscaled)");
        assertEquals(HEIGHT, picture.path("height").asInt(), "thumbnail height");
    }

    // ---- after the publisher ends ----

    @Test
    @Order(10)
    void publisherPushesTheWholeClipAndEndsCleanly() throws Exception {
        awaitPublishEnd();
    }

    @Test
    @Order(11)
    void streamStartedAndStreamStoppedArriveExactlyOnceForTheSession() throws Exception {
        StreamStopped event = stopped();
        Thread.sleep(QUIET.toMillis()); // a duplicate would come now, if at all

        List<StreamStarted> starts = events.events(Topics.STREAM_STARTED, StreamStarted.class).stream()
                .filter(e -> e.channel().equals(DEMO)).toList();
        List<StreamStopped> stops = events.events(Topics.STREAM_STOPPED, StreamStopped.class).stream()
                .filter(e -> e.channel().equals(DEMO)).toList();
        assertEquals(1, starts.size(), "stream-started for demo: " + starts);
        assertEquals(1, stops.size(), "stream-stopped for demo: " + stops);
        assertEquals(StopReason.PUBLISHER_CLOSED, event.reason());
        assertEquals(started().sessionId(), event.sessionId());
        assertTrue(Math.abs(event.durationMillis() - CLIP_LENGTH.toMillis()) <= 1000,
                "stream-stopped durationMillis " + event.durationMillis() + " for a " + CLIP_LENGTH + " clip");
    }

    @Test
    @Order(12)
    void mediaPlaylistsEndWithEndlistAndStayValid() throws Exception {
        Instant deadline = stoppedAt().plus(ENDLIST_WITHIN);
        String masterUrl = facts.demo().hlsUrl();
        MultivariantPlaylist variants = MultivariantPlaylist.parse(
                awaitOk(masterUrl, deadline, "the HLS master playlist", "transcode").body());
        assertFalse(variants.mediaPlaylistUris().isEmpty(), "no media playlist in the master playlist");
        for (String uri : variants.mediaPlaylistUris()) {
            URI mediaUrl = URI.create(masterUrl).resolve(uri);
            MediaPlaylist ended = null;
            while (Instant.now().isBefore(deadline)) {
                HttpResponse<String> response = getText(mediaUrl.toString());
                if (response.statusCode() == 200) {
                    ended = MediaPlaylist.parse(response.body());
                    if (ended.endList()) {
                        break;
                    }
                }
                Thread.sleep(500);
            }
            assertTrue(ended != null && ended.endList(), mediaUrl + " has no EXT-X-ENDLIST " + ENDLIST_WITHIN
                    + " after stream-stopped\n" + stack.log("transcode", 30));
            assertEquals(List.of(), ended.problems(), mediaUrl + " is not valid at its end");
        }
    }

    @Test
    @Order(13)
    void archiveHoldsThePushedDurationWithinOneFrame() throws Exception {
        String sessionId = started().sessionId();
        Optional<ArchiveReady> ready = events.await(Topics.ARCHIVE_READY, ArchiveReady.class,
                e -> e.sessionId().equals(sessionId), stoppedAt().plus(ARCHIVE_WITHIN));
        assertTrue(ready.isPresent(), "no archive-ready for the session " + ARCHIVE_WITHIN + " after "
                + "stream-stopped; objects under archive/demo/: " + listObjects("archive/" + DEMO + "/")
                + "\n" + stack.log("archive", 40));
        assertEquals("archive/" + DEMO + "/" + sessionId + ".mp4", ready.get().key());

        Path archive = stack.dataDir().resolve("archive-" + sessionId + ".mp4");
        try (InputStream in = s3().getObject(GetObjectArgs.builder().bucket(facts.s3().bucket())
                .object(ready.get().key()).build())) {
            Files.copy(in, archive, StandardCopyOption.REPLACE_EXISTING);
        }
        JsonNode archived = probe.describe(archive.toString(), PROBE_TIMEOUT);
        JsonNode keptVideo = MediaProbe.stream(archived, "video")
                .orElseThrow(() -> new AssertionError("the archive has no video stream"));
        JsonNode keptAudio = MediaProbe.stream(archived, "audio")
                .orElseThrow(() -> new AssertionError("the archive has no audio stream"));
        double pushedVideo = pushedVideoSeconds();
        double pushedAudio = pushedAudioSeconds();
        double pushed = Math.max(pushedVideo, pushedAudio);
        assertWithinOneFrame(pushedVideo, keptVideo.path("duration").asDouble(), "archive video");
        assertWithinOneFrame(pushedAudio, keptAudio.path("duration").asDouble(), "archive audio");
        assertWithinOneFrame(pushed, archived.path("format").path("duration").asDouble(), "archive");
    }

    @Test
    @Order(14)
    void archiveIsNotPubliclyReadable() throws Exception {
        String key = "archive/" + DEMO + "/" + started().sessionId() + ".mp4";
        HttpResponse<byte[]> anonymous = getBytes(facts.s3().endpoint() + "/" + facts.s3().bucket() + "/" + key);
        assertEquals(403, anonymous.statusCode(), "anonymous GET of " + key);
    }

    @Test
    @Order(15)
    void cliLiveNoLongerListsTheChannelAfterTheStop() throws Exception {
        List<String> channels = awaitCliLive(stoppedAt().plus(DIRECTORY_WITHIN), false);
        assertFalse(channels.contains(DEMO), "./tributary live still lists demo " + DIRECTORY_WITHIN
                + " after stream-stopped");
    }

    @Test
    @Order(20)
    void aWrongKeyIsRefusedBeforeAnyEvent() throws Exception {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String wrongKey = "tsk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        int startsBefore = events.events(Topics.STREAM_STARTED, StreamStarted.class).size();

        try (FfmpegPublisher refused = FfmpegPublisher.start(FfmpegBinaries.locate().ffmpeg(), clip,
                publishUrl(wrongKey), wrongKey, stack.dataDir().resolve("logs/ffmpeg-wrong-key.log"))) {
            Optional<Integer> exit = refused.awaitExit(Instant.now().plus(REFUSED_WITHIN));
            assertTrue(exit.isPresent(), "ffmpeg with a wrong key still publishing after " + REFUSED_WITHIN
                    + "\n" + stack.log("ingest", 20));
            assertNotEquals(0, exit.get(), "ffmpeg with a wrong key exited 0\n" + refused.outputTail());
        }
        Thread.sleep(QUIET.toMillis());
        assertEquals(startsBefore, events.events(Topics.STREAM_STARTED, StreamStarted.class).size(),
                "stream-started after a refused publish");
    }

    /** The video ffmpeg pushed: every frame of the clip, at its frame rate. */
    private double pushedVideoSeconds() {
        JsonNode video = MediaProbe.stream(clipProbe, "video").orElseThrow();
        return video.path("nb_frames").asLong() / (double) FPS;
    }

    /**
     * The audio ffmpeg pushed: every AAC frame of the clip, 1024 samples each (ISO/IEC 14496-3, AAC-LC). That
     * includes the encoder's priming frame, which the clip's MP4 hides with an edit list and FLV cannot (it has no
     * edit list), so over RTMP the audio is one AAC frame (21.3 ms) longer than the MP4 presents it.
     */
    private double pushedAudioSeconds() {
        JsonNode audio = MediaProbe.stream(clipProbe, "audio").orElseThrow();
        return audio.path("nb_frames").asLong() * 1024.0 / audio.path("sample_rate").asDouble();
    }

    private static void assertWithinOneFrame(double pushed, double kept, String what) {
        assertTrue(Math.abs(kept - pushed) <= ONE_FRAME_SECONDS, String.format(java.util.Locale.ROOT,
                "%s lasts %.6f s, %.6f s were pushed (tolerance one frame, %.3f s)", what, kept, pushed,
                ONE_FRAME_SECONDS));
    }

    // ---- the broadcast's milestones, each awaited once ----

    private StreamStarted started() throws InterruptedException {
        if (started == null) {
            Optional<StreamStarted> event = events.await(Topics.STREAM_STARTED, StreamStarted.class,
                    e -> e.channel().equals(DEMO), publisher.startedAt().plus(STARTED_WITHIN));
            assertTrue(event.isPresent(), "no stream-started for demo " + STARTED_WITHIN + " after ffmpeg began "
                    + "publishing (publisher " + (publisher.isAlive() ? "still running" : "ended") + ")\n"
                    + publisher.outputTail() + "\n" + stack.log("ingest", 40));
            started = event.get();
        }
        return started;
    }

    private Instant awaitPublishEnd() throws InterruptedException {
        if (publishEnded == null) {
            Optional<Integer> exit = publisher.awaitExit(publisher.startedAt().plus(PUBLISH_ENDS_WITHIN));
            assertTrue(exit.isPresent(), "ffmpeg still publishing " + PUBLISH_ENDS_WITHIN + " after it began");
            assertEquals(0, exit.get(), "ffmpeg did not push the whole clip\n" + publisher.outputTail() + "\n"
                    + stack.log("ingest", 30));
            publishEnded = publisher.endedAt().orElseThrow();
            Duration took = Duration.between(publisher.startedAt(), publishEnded);
            assertTrue(took.compareTo(CLIP_LENGTH.minusSeconds(1)) >= 0, "ffmpeg -re ended after " + took
                    + ", before the clip's " + CLIP_LENGTH);
        }
        return publishEnded;
    }

    private StreamStopped stopped() throws InterruptedException {
        if (stopped == null) {
            String sessionId = started().sessionId();
            Instant deadline = awaitPublishEnd().plus(STOPPED_WITHIN);
            Optional<StreamStopped> event = events.await(Topics.STREAM_STOPPED, StreamStopped.class,
                    e -> e.sessionId().equals(sessionId), deadline);
            assertTrue(event.isPresent(), "no stream-stopped for the session " + STOPPED_WITHIN + " after ffmpeg "
                    + "ended\n" + stack.log("ingest", 40));
            stopped = event.get();
        }
        return stopped;
    }

    /** When the session was over, for deadlines: stream-stopped's arrival is not recorded, its stoppedAt is. */
    private Instant stoppedAt() throws InterruptedException {
        Instant at = stopped().stoppedAt();
        return at.isAfter(Instant.now()) ? Instant.now() : at;
    }

    // ---- what a player does ----

    private MediaPlaylist awaitSegments(URI url, Instant deadline) throws Exception {
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = getText(url.toString());
            if (response.statusCode() == 200) {
                MediaPlaylist playlist = MediaPlaylist.parse(response.body());
                if (!playlist.segments().isEmpty()) {
                    return playlist;
                }
                last = "a playlist without segments";
            } else {
                last = "HTTP " + response.statusCode();
            }
            Thread.sleep(300);
        }
        throw new AssertionError(url + " had no segment by its deadline (last: " + last + ")\n"
                + stack.log("transcode", 40));
    }

    private MediaPlaylist awaitChange(URI url, MediaPlaylist first, Instant deadline) throws Exception {
        MediaPlaylist latest = first;
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            HttpResponse<String> response = getText(url.toString());
            if (response.statusCode() == 200) {
                latest = MediaPlaylist.parse(response.body());
                if (latest.mediaSequence() + latest.segments().size()
                        != first.mediaSequence() + first.segments().size()) {
                    return latest;
                }
            }
        }
        return latest;
    }

    private void assertDecodesTheClip(JsonNode decoded, String what) {
        JsonNode video = MediaProbe.stream(decoded, "video")
                .orElseThrow(() -> new AssertionError(what + ": no video stream in " + decoded));
        assertEquals("h264", video.path("codec_name").asText(), what + " video codec");
        assertEquals(WIDTH, video.path("width").asInt(), what + " width");
        assertEquals(HEIGHT, video.path("height").asInt(), what + " height");
        assertTrue(video.path("nb_read_frames").asInt() > 0, what + ": no video frame decoded: " + video);
        JsonNode audio = MediaProbe.stream(decoded, "audio")
                .orElseThrow(() -> new AssertionError(what + ": no audio stream in " + decoded));
        assertEquals("aac", audio.path("codec_name").asText(), what + " audio codec");
        assertTrue(audio.path("nb_read_frames").asInt() > 0, what + ": no audio frame decoded: " + audio);
    }

    private HttpResponse<String> awaitOk(String url, Instant deadline, String what, String service)
            throws Exception {
        HttpResponse<String> response = null;
        while (Instant.now().isBefore(deadline)) {
            response = getText(url);
            if (response.statusCode() == 200) {
                return response;
            }
            Thread.sleep(300);
        }
        throw new AssertionError(what + " not readable anonymously at " + url + " by its deadline (last: "
                + (response == null ? "no answer" : "HTTP " + response.statusCode()) + ")\n" + stack.log(service, 40));
    }

    private HttpResponse<byte[]> awaitOkBytes(String url, Instant deadline, String what, String service)
            throws Exception {
        HttpResponse<byte[]> response = null;
        while (Instant.now().isBefore(deadline)) {
            response = getBytes(url);
            if (response.statusCode() == 200) {
                return response;
            }
            Thread.sleep(300);
        }
        throw new AssertionError(what + " not readable anonymously at " + url + " by its deadline (last: "
                + (response == null ? "no answer" : "HTTP " + response.statusCode()) + ")\n" + stack.log(service, 40));
    }

    private HttpResponse<String> getText(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> getBytes(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The type of the first ISO BMFF box (ISO/IEC 14496-12 4.2: 32-bit size, then the 4-character type). */
    private static String boxType(byte[] bytes) {
        return bytes.length < 8 ? "(" + bytes.length + " bytes)" : new String(bytes, 4, 4, StandardCharsets.US_ASCII);
    }

    // ---- what an operator does ----

    /** Polls {@code ./tributary live --json} until demo is (or is no longer) listed; the channels it last listed. */
    private List<String> awaitCliLive(Instant deadline, boolean live) throws Exception {
        List<String> channels = List.of();
        do {
            TributaryCli.Run run = cli.run(CLI_TIMEOUT, "live", "--json");
            assertEquals(0, run.exitStatus(), "./tributary live failed: " + run.err());
            channels = new ArrayList<>();
            for (JsonNode session : JSON.readTree(run.out()).path("sessions")) {
                channels.add(session.path("channel").asText());
            }
            if (channels.contains(DEMO) == live) {
                return channels;
            }
            Thread.sleep(500);
        } while (Instant.now().isBefore(deadline));
        return channels;
    }

    private String publishUrl(String key) {
        return facts.rtmpUrl() + "/" + key;
    }

    private MinioClient s3() {
        return MinioClient.builder().endpoint(facts.s3().endpoint()).region(facts.s3().region())
                .credentials(facts.s3().accessKey(), facts.s3().secretKey()).build();
    }

    private Map<String, Long> listObjects(String prefix) {
        Map<String, Long> objects = new LinkedHashMap<>();
        try {
            for (Result<Item> item : s3().listObjects(ListObjectsArgs.builder().bucket(facts.s3().bucket())
                    .prefix(prefix).recursive(true).build())) {
                objects.put(item.get().objectName(), item.get().size());
            }
        } catch (Exception e) {
            return Map.of("(cannot list: " + e.getMessage() + ")", -1L);
        }
        return objects;
    }
}
