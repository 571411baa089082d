package io.tributary.transcode.manifest.hls;

import io.tributary.transcode.manifest.DecimalSeconds;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formatting rules shared by the playlist writers (RFC 8216 §4.2 attribute values, §4.3 tag values). */
final class HlsText {
    /** ISO 8601 with milliseconds and an explicit zone (RFC 8216 §4.3.2.6). */
    private static final DateTimeFormatter PROGRAM_DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    private HlsText() {
    }

    /** A URI line or a quoted URI: no line breaks and no double quote (RFC 8216 §4.2 quoted-string). */
    static void checkUri(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("URI is empty");
        }
        checkQuotable(uri);
    }

    static void checkQuotable(String value) {
        if (value.chars().anyMatch(c -> c == '"' || c == '\r' || c == '\n')) {
            throw new IllegalArgumentException("not allowed in a playlist value: " + value);
        }
    }

    static String quoted(String value) {
        checkQuotable(value);
        return '"' + value + '"';
    }

    /** EXTINF duration: decimal seconds with three digits, rounded half up to the millisecond. */
    static String seconds(Duration duration) {
        long millis = Math.floorDiv(duration.toNanos() + 500_000, 1_000_000);
        return DecimalSeconds.threeDigits(millis);
    }

    /**
     * Whole seconds, rounded to the nearest (half up), as RFC 8216 §4.3.3.1 compares an EXTINF with the target
     * duration, and of the EXTINF as written (to the millisecond, {@link #seconds}); at least 1, the smallest target
     * duration.
     */
    static int roundedSeconds(Duration duration) {
        long millis = Math.floorDiv(duration.toNanos() + 500_000, 1_000_000);
        return Math.toIntExact(Math.max(1, (millis + 500) / 1000));
    }

    static String programDateTime(Instant instant) {
        return PROGRAM_DATE_TIME.format(instant);
    }
}
