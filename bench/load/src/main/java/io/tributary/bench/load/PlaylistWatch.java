package io.tributary.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches, as a player would, for each channel's first playable HLS: the multivariant playlist exists and the source
 * rendition's media playlist names a segment. Polls the channels still waiting, one after the other, every
 * {@code pollMillis} (the resolution of the figure, plus a round's GETs), from the object store's public URLs.
 */
final class PlaylistWatch implements AutoCloseable {

    private static final Pattern TARGET_DURATION = Pattern.compile("#EXT-X-TARGETDURATION:(\\d+)");

    /** @param targetDurationSeconds EXT-X-TARGETDURATION of the first playable media playlist */
    record FirstPlayable(long atEpochMillis, int targetDurationSeconds) {
    }

    private final StackEndpoints stack;
    private final long pollMillis;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Long> waiting = new ConcurrentHashMap<>(); // channel -> first poll, epoch ms
    private final Map<String, FirstPlayable> found = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    PlaylistWatch(StackEndpoints stack, long pollMillis) {
        this.stack = stack;
        this.pollMillis = pollMillis;
        this.thread = new Thread(this::run, "playlist-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts watching a channel from {@code notBeforeEpochMillis} on: no segment can exist before its first GOP has
     * closed, one GOP after the first keyframe, and polling a hundred channels every 20 ms from the publish on would
     * load the S3 server being measured.
     */
    void watch(String channel, long notBeforeEpochMillis) {
        waiting.put(channel, notBeforeEpochMillis);
    }

    Map<String, FirstPlayable> found() {
        return Map.copyOf(found);
    }

    private void run() {
        while (running) {
            for (Map.Entry<String, Long> entry : waiting.entrySet()) {
                String channel = entry.getKey();
                if (System.currentTimeMillis() < entry.getValue()) {
                    continue;
                }
                try {
                    String media = get("live/" + channel + "/source/index.m3u8");
                    if (media != null && media.contains("#EXTINF") && get("live/" + channel + "/master.m3u8") != null) {
                        long at = System.currentTimeMillis();
                        Matcher target = TARGET_DURATION.matcher(media);
                        found.put(channel, new FirstPlayable(at, target.find() ? Integer.parseInt(target.group(1)) : 0));
                        waiting.remove(channel);
                    }
                } catch (IOException e) {
                    // not there yet, or the store is busy: try again next round
                } catch (InterruptedException e) {
                    return;
                }
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The object's text, or null if it does not exist (yet). */
    private String get(String objectKey) throws IOException, InterruptedException {
        URI uri = stack.playback(objectKey);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : null;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
