package io.tributary.transcode.manifest.dash;

import io.tributary.transcode.manifest.DecimalSeconds;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** XML attribute values of the MPD: xs:dateTime, xs:duration and escaped text. */
final class DashText {

    private DashText() {
    }

    /** xs:dateTime in UTC, to the millisecond. */
    static String dateTime(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** xs:duration in seconds, to the nearest millisecond: {@code PT2S}, {@code PT4.004S}. */
    static String duration(Duration duration) {
        return millis(Math.floorDiv(duration.toNanos() + 500_000, 1_000_000));
    }

    /** xs:duration rounded up to the millisecond: a presentation duration that covers its last sample whole. */
    static String durationRoundedUp(Duration duration) {
        return millis(Math.floorDiv(duration.toNanos() + 999_999, 1_000_000));
    }

    private static String millis(long millis) {
        String seconds = DecimalSeconds.trimmed(millis);
        return seconds.startsWith("-") ? "-PT" + seconds.substring(1) + "S" : "PT" + seconds + "S";
    }

    /** Escapes a value for a double-quoted XML attribute. */
    static String attribute(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> {
                    if (c < 0x20) {
                        throw new IllegalArgumentException("control character in an MPD value");
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }
}
