package io.tributary.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The transcode worker's own timers (Prometheus text of {@code /q/metrics}), read at both ends of a window: they
 * split the GOP close → playlist latency into Kafka (close → the worker picks the record up) and packaging (pick-up →
 * manifests stored), which segment-published alone cannot. Means only: the timers publish no histogram.
 */
final class TranscodeTimers {
    static final String PICKUP = "tributary_transcode_gop_to_pickup_seconds";
    static final String PLAYLIST = "tributary_transcode_gop_to_playlist_seconds";
    static final String RECORD = "tributary_transcode_record_seconds";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** count and sum of each timer at one moment */
    record Reading(Map<String, double[]> timers) {
        static final Reading NONE = new Reading(Map.of());
    }

    private TranscodeTimers() {
    }

    /** The timers now; {@link Reading#NONE} when the worker does not answer (the report then leaves the line out). */
    static Reading read(URI transcodeHttp) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(transcodeHttp.resolve("/q/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? parse(response.body()) : Reading.NONE;
        } catch (IOException e) {
            return Reading.NONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reading.NONE;
        }
    }

    static Reading parse(String prometheusText) {
        Map<String, double[]> timers = new LinkedHashMap<>();
        for (String line : prometheusText.split("\n")) {
            for (String timer : new String[] {PICKUP, PLAYLIST, RECORD}) {
                int slot = line.startsWith(timer + "_count ") ? 0 : line.startsWith(timer + "_sum ") ? 1 : -1;
                if (slot >= 0) {
                    timers.computeIfAbsent(timer, t -> new double[2])[slot] =
                            Double.parseDouble(line.substring(line.indexOf(' ') + 1).trim());
                }
            }
        }
        return new Reading(timers);
    }

    /** One line for the report: the window's mean of each stage, or null when a reading is missing. */
    static String describe(Reading from, Reading to) {
        double pickup = mean(from, to, PICKUP);
        double playlist = mean(from, to, PLAYLIST);
        double record = mean(from, to, RECORD);
        if (Double.isNaN(pickup) || Double.isNaN(playlist)) {
            return null;
        }
        return String.format(Locale.ROOT, "transcode's own timers over the window (means, source and audio records "
                + "alike): GOP close at ingest → record picked up %.1f ms (Kafka), picked up → manifests stored "
                + "%.1f ms (packaging: the segments' PUT round, then the manifests'), whole record handled in %.1f ms "
                + "(events and state after the manifests)", pickup, playlist - pickup, record);
    }

    private static double mean(Reading from, Reading to, String timer) {
        double[] a = from.timers().get(timer);
        double[] b = to.timers().get(timer);
        if (a == null || b == null || b[0] <= a[0]) {
            return Double.NaN;
        }
        return 1000 * (b[1] - a[1]) / (b[0] - a[0]);
    }
}
