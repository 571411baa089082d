package io.tributary.ingest.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BitrateMeterTest {

    @Test
    void reportsEachWindowsAverageOnceItEnds() {
        BitrateMeter meter = new BitrateMeter(5_000, 0);
        meter.add(500_000);
        assertTrue(meter.tick(4_999).isEmpty());
        meter.add(125_000);
        // 625,000 bytes in 5 s: 1 Mbps
        assertEquals(OptionalLong.of(1_000_000), meter.tick(5_000));
        assertTrue(meter.tick(6_000).isEmpty(), "a new window started");
        assertEquals(OptionalLong.of(0), meter.tick(10_000), "nothing received");
    }

    @Test
    void dividesByTheTimeThatReallyPassed() {
        BitrateMeter meter = new BitrateMeter(1_000, 0);
        meter.add(250_000);
        assertEquals(OptionalLong.of(1_000_000), meter.tick(2_000), "a late tick averages over 2 s");
    }
}
