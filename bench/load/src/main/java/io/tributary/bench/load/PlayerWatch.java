package io.tributary.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testsupport.browser.DevToolsSession;
import io.tributary.testsupport.browser.HeadlessChromium;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Glass-to-glass, measured by a real player: headless Chromium opens the stack's status page and plays one channel
 * with hls.js at its defaults (it plays three target durations behind the live edge), and once a second reads the
 * program date-time of the frame on screen. Transcode writes {@code EXT-X-PROGRAM-DATE-TIME} from the time the
 * ingest received the GOP's first frame, and the generator sends every frame at its capture time (real time), so the
 * page's clock minus that date is capture → screen, less the player's decode and render (a frame or two).
 *
 * <p>Chromium decodes the 720p stream in software: it takes CPU from the stack, so a run with the player measures
 * latency with that extra load (its CPU is not counted in any role).
 */
final class PlayerWatch implements AutoCloseable {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    /**
     * One reading: when, how far behind capture the frame on screen was, and how far behind the playlist's live edge
     * hls.js says it plays (ms; -1 unknown).
     */
    record Reading(long atEpochMillis, long glassToGlassMillis, double currentTime, long behindEdgeMillis) {
    }

    private final HeadlessChromium browser;
    private final DevToolsSession page;
    private final String channel;
    private final List<Reading> readings = new ArrayList<>();
    private final Thread sampler;
    private volatile String failure;
    private volatile boolean stopped;

    private PlayerWatch(HeadlessChromium browser, DevToolsSession page, String channel) {
        this.browser = browser;
        this.page = page;
        this.channel = channel;
        this.sampler = new Thread(this::sample, "player-watch");
        this.sampler.setDaemon(true);
    }

    /** Starts the browser and the player on {@code channel}; readings begin once the player shows a frame. */
    static PlayerWatch start(URI statusPage, String channel, Path log) throws Exception {
        if (!HeadlessChromium.isInstalled()) {
            throw new IllegalStateException("--player needs " + HeadlessChromium.BINARY + " (apt-get install -y chromium)");
        }
        HeadlessChromium browser = HeadlessChromium.start(log, COMMAND_TIMEOUT);
        try {
            DevToolsSession page = DevToolsSession.openPage(browser.devToolsUrl(), COMMAND_TIMEOUT);
            page.send("Page.navigate", Map.of("url", statusPage.toString()));
            PlayerWatch watch = new PlayerWatch(browser, page, channel);
            watch.sampler.start();
            return watch;
        } catch (Exception | Error e) {
            browser.close();
            throw e;
        }
    }

    String channel() {
        return channel;
    }

    /** The readings taken between the two instants, and why the player stopped if it did. */
    synchronized Result result(long fromEpochMillis, long toEpochMillis) {
        List<Long> values = new ArrayList<>();
        List<Long> behindEdge = new ArrayList<>();
        double firstTime = Double.NaN;
        double lastTime = Double.NaN;
        for (Reading r : readings) {
            if (r.atEpochMillis() >= fromEpochMillis && r.atEpochMillis() <= toEpochMillis) {
                values.add(r.glassToGlassMillis());
                if (r.behindEdgeMillis() >= 0) {
                    behindEdge.add(r.behindEdgeMillis());
                }
                firstTime = Double.isNaN(firstTime) ? r.currentTime() : firstTime;
                lastTime = r.currentTime();
            }
        }
        double played = Double.isNaN(firstTime) ? 0 : lastTime - firstTime;
        return new Result(channel, Percentiles.of(values), Percentiles.of(behindEdge), played,
                (toEpochMillis - fromEpochMillis) / 1000.0, failure);
    }

    /** The player's figures over a window: {@code played} media seconds in {@code window} wall seconds. */
    record Result(String channel, Percentiles glassToGlass, Percentiles behindEdge, double playedSeconds,
                  double windowSeconds, String failure) {
        String describe() {
            Percentiles p = glassToGlass;
            return String.format("Glass-to-glass measured by hls.js 1.4 (defaults) in headless Chromium on %s: "
                            + "p50 %d ms, p90 %d ms, p99 %d ms, max %d ms (n = %d readings, one a second); hls.js's "
                            + "own latency behind the playlist's live edge p50 %d ms; it played %.1f s of media in "
                            + "%.1f s%s.", channel, p.p50(), p.p90(), p.p99(), p.max(), p.count(), behindEdge.p50(),
                    playedSeconds, windowSeconds, failure == null ? "" : "; player: " + failure);
        }
    }

    private void sample() {
        boolean playing = false;
        while (!stopped) {
            try {
                if (!playing) {
                    // the page lists the channel from stream-started; play it once listed
                    playing = page.evaluate("(() => { try { window.tributaryPlayer.play('" + channel
                            + "', 'hls'); return true; } catch (e) { return false; } })()").asBoolean(false);
                } else {
                    JsonNode state = page.evaluate("window.tributaryPlayer.state()");
                    if (!state.path("error").isNull() && !state.path("error").isMissingNode()) {
                        failure = state.path("error").asText();
                    }
                    if (state.path("playingDate").isNumber() && !state.path("paused").asBoolean(true)) {
                        long now = state.path("now").asLong();
                        synchronized (this) {
                            JsonNode live = state.path("liveLatency").path("latency");
                            readings.add(new Reading(System.currentTimeMillis(),
                                    now - state.path("playingDate").asLong(), state.path("currentTime").asDouble(),
                                    live.isNumber() ? Math.round(live.asDouble() * 1000) : -1));
                        }
                    }
                }
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            } catch (Exception | AssertionError e) {
                failure = e.toString();
                if (stopped) {
                    return;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        sampler.interrupt();
        sampler.join(5000);
        page.close();
        browser.close();
    }
}
