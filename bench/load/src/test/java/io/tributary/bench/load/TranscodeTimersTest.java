package io.tributary.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TranscodeTimersTest {
    private static String metrics(double count, double pickupSum, double playlistSum, double recordSum) {
        return "# TYPE tributary_transcode_gop_to_pickup_seconds summary\n"
                + "tributary_transcode_gop_to_pickup_seconds_count " + count + "\n"
                + "tributary_transcode_gop_to_pickup_seconds_sum " + pickupSum + "\n"
                + "tributary_transcode_gop_to_pickup_seconds_max 0.84\n"
                + "tributary_transcode_gop_to_playlist_seconds_count " + count + "\n"
                + "tributary_transcode_gop_to_playlist_seconds_sum " + playlistSum + "\n"
                + "tributary_transcode_gop_to_rung_playlist_seconds_count 0.0\n"
                + "tributary_transcode_record_seconds_count " + count + "\n"
                + "tributary_transcode_record_seconds_sum " + recordSum + "\n";
    }

    @Test
    void splitsTheWindowsLatencyIntoKafkaAndPackaging() {
        TranscodeTimers.Reading from = TranscodeTimers.parse(metrics(88, 3.5, 11.0, 10.5));
        TranscodeTimers.Reading to = TranscodeTimers.parse(metrics(138, 4.5, 15.0, 15.5));

        String line = TranscodeTimers.describe(from, to);

        // 50 records: pickup 1 s → 20 ms; playlist 4 s → 80 ms, of which packaging 60; record 5 s → 100 ms
        assertTrue(line.contains("picked up 20.0 ms"), line);
        assertTrue(line.contains("manifests stored 60.0 ms"), line);
        assertTrue(line.contains("handled in 100.0 ms"), line);
    }

    @Test
    void leavesTheLineOutWithoutTwoReadings() {
        TranscodeTimers.Reading to = TranscodeTimers.parse(metrics(138, 4.5, 15.0, 15.5));

        assertNull(TranscodeTimers.describe(TranscodeTimers.Reading.NONE, to));
        assertNull(TranscodeTimers.describe(to, to), "no record in the window");
        assertEquals(2, to.timers().get(TranscodeTimers.PICKUP).length);
    }
}
