package io.tributary.transcode.manifest;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A frame rate as an exact fraction, so that 29.97 stays 30000/1001 in a DASH MPD while HLS gets its decimal.
 */
public record FrameRate(long numerator, long denominator) {

    public FrameRate {
        if (numerator <= 0 || denominator <= 0) {
            throw new IllegalArgumentException("frame rate must be positive: " + numerator + "/" + denominator);
        }
        long gcd = gcd(numerator, denominator);
        numerator /= gcd;
        denominator /= gcd;
    }

    public static FrameRate of(long framesPerSecond) {
        return new FrameRate(framesPerSecond, 1);
    }

    /**
     * The exact rate behind a measured or signalled decimal one: the NTSC rates ({@code n * 1000 / 1001}, as
     * 29.97 and 59.94) when it is within a thousandth of one, else the rate to the millisecond.
     */
    public static FrameRate approximate(double framesPerSecond) {
        if (!(framesPerSecond > 0) || framesPerSecond > 1000) {
            throw new IllegalArgumentException("not a frame rate: " + framesPerSecond);
        }
        long ntsc = Math.round(framesPerSecond * 1.001);
        if (Math.abs(framesPerSecond - ntsc * 1000.0 / 1001) < 0.001 && Math.abs(framesPerSecond - ntsc) >= 0.001) {
            return new FrameRate(ntsc * 1000, 1001);
        }
        return new FrameRate(Math.round(framesPerSecond * 1000), 1000);
    }

    /** HLS FRAME-RATE: a decimal with three digits after the point (RFC 8216 §4.3.4.2). */
    public String toHlsDecimal() {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 3, RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** DASH @frameRate (ISO/IEC 23009-1 FrameRateType): {@code 30} or {@code 30000/1001}. */
    public String toDashFrameRate() {
        return denominator == 1 ? Long.toString(numerator) : numerator + "/" + denominator;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
