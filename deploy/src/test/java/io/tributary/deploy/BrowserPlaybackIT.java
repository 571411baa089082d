package io.tributary.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.deploy.e2e.DevToolsSession;
import io.tributary.deploy.e2e.FfmpegPublisher;
import io.tributary.deploy.e2e.HeadlessChromium;
import io.tributary.ffmpeg.FfmpegBinaries;
import io.tributary.testsupport.media.TestMedia;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 9: a viewer opens the status page that {@code ./tributary up} prints, in a real browser (headless Chromium,
 * driven over the DevTools protocol), while a real ffmpeg publishes to the demo channel, and watches it with hls.js
 * and then with dash.js. Each player must move {@code video.currentTime} on by several seconds and report no error;
 * a screenshot of each is left in {@code deploy/target/browser-playback/} for a person to look at. When the
 * broadcast ends, the operator's view (admin token typed into the page) offers the archive through a presigned link
 * that downloads the MP4, while the object itself stays private.
 *
 * <p>Skipped, with a message, where {@code /usr/bin/chromium} is not installed ({@code .ci/run} installs it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserPlaybackIT {

    /** Seven JVMs starting on a shared 2-core machine: generous, and still a bound (not part of the scenario). */
    private static final Duration UP_TIMEOUT = Duration.ofMinutes(5);
    /** Longer than the test needs: both players, each after a few segments, with room for a loaded machine. */
    private static final Duration CLIP_LENGTH = Duration.ofSeconds(120);
    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final int FPS = 30;
    /** A keyframe a second, as encoders configured for live streaming send them. */
    private static final int GOP_FRAMES = 30;
    /** How far each player must play: several 1 s segments, so a stall after the first would show. */
    private static final double PLAYED_SECONDS = 5.0;

    /** A refused publish ends ffmpeg within this; one still running after it is on air. */
    private static final Duration REFUSED_WITHIN = Duration.ofSeconds(10);
    private static final int PUBLISH_ATTEMPTS = 3;
    private static final Duration BROWSER_START = Duration.ofSeconds(30);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    /** From publishing to the page listing the channel: connect, decision, first GOP, stream-started, a poll. */
    private static final Duration LISTED_WITHIN = Duration.ofSeconds(40);
    /** From the channel's listing to its manifests in the bucket (transcode-service's first segments). */
    private static final Duration MANIFEST_WITHIN = Duration.ofSeconds(30);
    /** From play() to PLAYED_SECONDS played: manifests, a few segments, MSE start-up, then the seconds themselves. */
    private static final Duration PLAYED_WITHIN = Duration.ofSeconds(60);

    /** From the publisher's end to archive-ready: the join and remux of what was encoded while live. */
    private static final Duration ARCHIVE_WITHIN = Duration.ofSeconds(90);

    private static final String DEMO = "demo";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path artifacts = LaunchedStack.repositoryRoot().resolve("deploy/target/browser-playback");
    private LaunchedStack stack;
    private FfmpegPublisher publisher;
    private HeadlessChromium chromium;
    private DevToolsSession page;

    @BeforeAll
    void startTheStackPublishAndOpenThePage() throws Exception {
        assumeTrue(HeadlessChromium.isInstalled(), HeadlessChromium.BINARY + " is not installed, so the browser "
                + "playback test is skipped (apt-get install -y --no-install-recommends chromium; .ci/run does)");
        Files.createDirectories(artifacts);
        try (Stream<Path> old = Files.list(artifacts)) {
            for (Path png : old.filter(p -> p.toString().endsWith(".png")).toList()) {
                Files.delete(png); // a screenshot of an earlier run would pass for this one's
            }
        }
        Path clip = TestMedia.h264AacMp4(CLIP_LENGTH, WIDTH, HEIGHT, FPS, GOP_FRAMES);
        stack = LaunchedStack.start("browser-playback-it", UP_TIMEOUT);
        StackFacts facts = stack.facts();
        String key = facts.demo().streamKey();
        // as an encoder does, publish again when refused at connect (auth-unavailable while the services warm up)
        for (int attempt = 1; attempt <= PUBLISH_ATTEMPTS; attempt++) {
            publisher = FfmpegPublisher.start(FfmpegBinaries.locate().ffmpeg(), clip, facts.rtmpUrl() + "/" + key, key,
                    stack.dataDir().resolve("logs/ffmpeg-publisher-" + attempt + ".log"));
            if (publisher.awaitExit(Instant.now().plus(REFUSED_WITHIN)).isEmpty()) {
                break;
            }
        }
        chromium = HeadlessChromium.start(artifacts.resolve("chromium.log"), BROWSER_START);
        page = DevToolsSession.openPage(chromium.devToolsUrl(), COMMAND_TIMEOUT);
        page.send("Page.navigate", Map.of("url", facts.statusPage()));
    }

    @AfterAll
    void closeEverything() throws Exception {
        if (page != null) {
            page.close();
        }
        if (chromium != null) {
            chromium.close();
        }
        if (publisher != null) {
            publisher.close();
        }
        if (stack != null) {
            stack.stop(Duration.ofSeconds(60));
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theStatusPageListsTheLiveDemoChannelWithItsThumbnail() throws Exception {
        Instant deadline = publisher.startedAt().plus(LISTED_WITHIN);
        JsonNode channel = awaitListed(deadline);
        assertTrue(channel.path("hls").asText().endsWith("/live/demo/master.m3u8"), "HLS URL: " + channel);
        assertTrue(channel.path("dash").asText().endsWith("/live/demo/manifest.mpd"), "DASH URL: " + channel);
        assertEquals(stack.facts().demo().thumbnailUrl(), channel.path("thumbnail").asText());

        // the card's image is the thumbnail, refreshed by the page; it loads once thumbnail-service has written one
        String thumbnailLoaded = "(() => { const img = document.querySelector('li[data-channel=\"demo\"] img');"
                + " return !!img && img.complete && img.naturalWidth; })()";
        JsonNode width = awaitValue(thumbnailLoaded, v -> v.asInt() > 0, Instant.now().plusSeconds(30));
        assertEquals(WIDTH, width.asInt(), "the thumbnail shown is the stream's picture\n" + stack.log("thumbnail", 20));
    }

    @Test
    @Order(2)
    void chromiumCanDecodeTheStreamsCodecsWithMediaSourceExtensions() throws Exception {
        JsonNode channel = awaitListed(publisher.startedAt().plus(LISTED_WITHIN));
        String video = channel.path("video").path("codec").asText();
        String audio = channel.path("audio").path("codec").asText();
        for (String type : new String[] {"video/mp4; codecs=\"" + video + "\"", "audio/mp4; codecs=\"" + audio + "\""}) {
            assertTrue(page.evaluate("MediaSource.isTypeSupported('" + type.replace("'", "\\'") + "')").asBoolean(),
                    HeadlessChromium.BINARY + " cannot play " + type + " with MSE: it needs a build with the "
                            + "proprietary codecs (Debian's chromium package has them)");
        }
    }

    @Test
    @Order(3)
    void hlsJsPlaysTheLiveChannel() throws Exception {
        assertPlays("hls");
    }

    @Test
    @Order(4)
    void dashJsPlaysTheLiveChannel() throws Exception {
        assertPlays("dash");
    }

    @Test
    @Order(5)
    void anOperatorGetsAWorkingShortLivedArchiveLinkOnThePageOnceTheBroadcastEnds() throws Exception {
        publisher.close();
        Instant ended = Instant.now();
        page.evaluate("document.getElementById('token').value = '" + stack.facts().adminToken() + "';"
                + " document.getElementById('token-form').requestSubmit(); true");
        // the page refreshes its archive list every minute; the test asks for it sooner
        String link = "window.tributaryPlayer.refresh().then(() => {"
                + " const a = document.querySelector('#archives tr[data-channel=\"demo\"] a.archive-link');"
                + " return a ? a.href : null; })";
        JsonNode href = awaitValue(link, v -> v.isTextual(), ended.plus(ARCHIVE_WITHIN));
        page.evaluate("document.getElementById('archives').scrollIntoView(); true");
        screenshot("archives.png");
        assertTrue(href.isTextual(), "no archive link on the page " + ARCHIVE_WITHIN + " after the publisher ended "
                + "(status: " + page.evaluate("document.getElementById('archives-status').textContent") + ")\n"
                + stack.log("archive", 20));

        URI url = URI.create(href.asText());
        assertTrue(url.getRawQuery() != null && url.getRawQuery().contains("X-Amz-Signature="), "presigned: " + url);
        HttpResponse<byte[]> archive = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, archive.statusCode(), "GET of the presigned link");
        assertEquals("ftyp", new String(archive.body(), 4, 4, StandardCharsets.US_ASCII), "the link is the MP4");
        URI unsigned = URI.create(url.toString().substring(0, url.toString().indexOf('?')));
        int anonymous = http.send(HttpRequest.newBuilder(unsigned).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        assertEquals(403, anonymous, "the archive itself stays private");
    }

    private void assertPlays(String engine) throws Exception {
        JsonNode channel = awaitListed(publisher.startedAt().plus(LISTED_WITHIN));
        // the channel is listed from stream-started, a few segments before transcode-service has written the
        // manifest: a viewer would retry; the test starts the player once there is something to play
        awaitPublished(channel.path(engine).asText(), Instant.now().plus(MANIFEST_WITHIN));
        page.evaluate("window.tributaryPlayer.play('" + DEMO + "', '" + engine + "')");
        Instant deadline = Instant.now().plus(PLAYED_WITHIN);
        double firstTime = -1;
        JsonNode state = page.evaluate("window.tributaryPlayer.state()");
        while (Instant.now().isBefore(deadline)) {
            state = page.evaluate("window.tributaryPlayer.state()");
            if (!state.path("error").isNull()) {
                screenshot(engine + "-failed.png");
                throw new AssertionError(engine + " reported an error: " + state + "; screenshot in " + artifacts
                        + "\n" + logs());
            }
            assertEquals(engine, state.path("engine").asText(), "the player in use");
            double time = state.path("currentTime").asDouble();
            if (firstTime < 0 && state.path("readyState").asInt() >= 2) {
                firstTime = time; // live playback starts near the live edge, not at 0
            }
            if (firstTime >= 0 && time - firstTime >= PLAYED_SECONDS) {
                screenshot(engine + ".png");
                assertTrue(publisher.isAlive(), "the publisher ended before " + engine + " had played\n"
                        + publisher.outputTail());
                return;
            }
            Thread.sleep(500);
        }
        screenshot(engine + "-failed.png");
        throw new AssertionError(engine + " did not play " + PLAYED_SECONDS + " s within " + PLAYED_WITHIN
                + " (first time " + firstTime + ", last state " + state + "); screenshot in " + artifacts + "\n"
                + logs());
    }

    private void awaitPublished(String manifestUrl, Instant deadline) throws Exception {
        int status = 0;
        while (Instant.now().isBefore(deadline)) {
            status = http.send(HttpRequest.newBuilder(URI.create(manifestUrl)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(manifestUrl + " not published by its deadline (last: HTTP " + status + ")\n" + logs());
    }

    private JsonNode awaitListed(Instant deadline) throws Exception {
        String demo = "(window.tributaryPlayer ? window.tributaryPlayer.channels() : [])"
                + ".find(c => c.channel === '" + DEMO + "') || null";
        JsonNode channel = awaitValue(demo, v -> !v.isNull() && !v.isMissingNode(), deadline);
        if (channel.isNull() || channel.isMissingNode()) {
            throw new AssertionError("the status page did not list " + DEMO + " by its deadline\n" + logs());
        }
        return channel;
    }

    /** Polls an expression until its value passes {@code done}; the last value at the deadline otherwise. */
    private JsonNode awaitValue(String expression, Predicate<JsonNode> done, Instant deadline)
            throws Exception {
        JsonNode value = page.evaluate(expression);
        while (!done.test(value) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            value = page.evaluate(expression);
        }
        return value;
    }

    private void screenshot(String name) throws Exception {
        String png = page.send("Page.captureScreenshot", Map.of("format", "png")).path("data").asText();
        Files.write(artifacts.resolve(name), Base64.getDecoder().decode(png));
    }

    private String logs() {
        return publisher.outputTail() + "\n" + stack.log("ingest", 15) + "\n" + stack.log("transcode", 15);
    }
}
