package io.tributary.transcode.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ManifestValuesTest {

    @Test
    void recognisesNtscRatesAndKeepsOthersToTheMillisecond() {
        assertEquals(new FrameRate(30_000, 1001), FrameRate.approximate(29.97));
        assertEquals(new FrameRate(60_000, 1001), FrameRate.approximate(59.94006));
        assertEquals(FrameRate.of(30), FrameRate.approximate(30.0));
        assertEquals(FrameRate.of(25), FrameRate.approximate(25.0004));
        assertEquals(new FrameRate(12_500, 1000), FrameRate.approximate(12.5));
        assertEquals("29.970", FrameRate.approximate(29.97).toHlsDecimal());
        assertEquals("30000/1001", FrameRate.approximate(29.97).toDashFrameRate());
    }

    @Test
    void measuresThePeakSegmentAndTheAverageBitRate() {
        SegmentBitrates rates = SegmentBitrates.none()
                .add(250_000, Duration.ofSeconds(2))   // 1 000 000 b/s
                .add(600_000, Duration.ofSeconds(2))   // 2 400 000 b/s
                .add(100_000, Duration.ofMillis(500)); // 1 600 000 b/s
        assertEquals(2_400_000, rates.peakBitsPerSecond());
        assertEquals(1_688_889, rates.averageBitsPerSecond(), "7 600 000 bits over 4.5 s, rounded up");
        assertEquals(0, SegmentBitrates.none().averageBitsPerSecond());
    }
}
