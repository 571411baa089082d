package io.tributary.transcode.cmaf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimescaleTest {

    @Test
    void convertsMillisecondsExactlyAt90kHz() {
        assertEquals(90, new Timescale(90_000).fromMillis(1));
        assertEquals(3_600L * 90_000 * 24 * 365, new Timescale(90_000).fromMillis(3_600_000L * 24 * 365));
    }

    @Test
    void roundsHalfUpAt44100Hz() {
        Timescale ts = new Timescale(44_100);
        assertEquals(44, ts.fromMillis(1));   // 44.1
        assertEquals(221, ts.fromMillis(5));  // 220.5
        assertEquals(1014, ts.fromMillis(23)); // 1014.3
        assertEquals(-44, ts.fromMillis(-1));
    }

    @Test
    void convertsTicksToDurationsAndBack() {
        Timescale ts = new Timescale(44_100);
        assertEquals(Duration.ofSeconds(2), ts.toDuration(88_200));
        assertEquals(Duration.ofNanos(23_219_954), ts.toDuration(1024));
        assertEquals(1024, ts.fromDuration(ts.toDuration(1024)));
        assertEquals(180_000, new Timescale(90_000).fromDuration(Duration.ofSeconds(2)));
    }
}
