package io.tributary.transcode.manifest.hls;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back a media playlist that {@link HlsMediaPlaylist#render()} wrote, so that a worker taking over a channel
 * can continue its playlist from object storage: same media sequence, discontinuity sequence, target duration and
 * window. Durations come back to the millisecond, the precision of EXTINF as written.
 *
 * <p>Only the tags our writer emits are understood; other tags are skipped. Anything that breaks the structure
 * (a URI without EXTINF, EXT-X-MAP or EXT-X-PROGRAM-DATE-TIME, a malformed number) is an
 * {@link IllegalArgumentException}: such a playlist was not ours, and continuing it would publish nonsense.
 */
public final class HlsMediaPlaylistReader {

    private HlsMediaPlaylistReader() {
    }

    public static HlsMediaPlaylist read(String text, int windowSize) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty() || !lines.get(0).equals("#EXTM3U")) {
            throw new IllegalArgumentException("not an M3U playlist: no #EXTM3U first line");
        }
        long mediaSequence = 0;
        long discontinuitySequence = 0;
        int targetDuration = 0;
        boolean independent = false;
        boolean ended = false;
        String map = null;
        Instant programDateTime = null;
        Duration duration = null;
        boolean discontinuity = false;
        List<HlsSegment> segments = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith("#EXT-X-TARGETDURATION:")) {
                targetDuration = intNumber(line);
            } else if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
                mediaSequence = number(line);
            } else if (line.startsWith("#EXT-X-DISCONTINUITY-SEQUENCE:")) {
                discontinuitySequence = number(line);
            } else if (line.equals("#EXT-X-INDEPENDENT-SEGMENTS")) {
                independent = true;
            } else if (line.equals("#EXT-X-DISCONTINUITY")) {
                discontinuity = true;
            } else if (line.startsWith("#EXT-X-MAP:URI=\"") && line.endsWith("\"")) {
                map = line.substring("#EXT-X-MAP:URI=\"".length(), line.length() - 1);
            } else if (line.startsWith("#EXT-X-PROGRAM-DATE-TIME:")) {
                programDateTime = dateTime(value(line));
            } else if (line.startsWith("#EXTINF:")) {
                duration = seconds(value(line));
            } else if (line.equals("#EXT-X-ENDLIST")) {
                ended = true;
            } else if (!line.startsWith("#")) {
                if (duration == null || map == null || programDateTime == null) {
                    throw new IllegalArgumentException("segment " + line + " lacks EXTINF, EXT-X-MAP or "
                            + "EXT-X-PROGRAM-DATE-TIME");
                }
                segments.add(new HlsSegment(line, duration, programDateTime, map, discontinuity, independent));
                duration = null;
                programDateTime = null;
                discontinuity = false;
            }
        }
        return new HlsMediaPlaylist(windowSize, mediaSequence, discontinuitySequence, targetDuration, segments, ended);
    }

    private static String value(String line) {
        return line.substring(line.indexOf(':') + 1);
    }

    /** A number that must fit an int: anything else is a malformed playlist too, not an arithmetic failure. */
    private static int intNumber(String line) {
        long n = number(line);
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("number out of range in " + line);
        }
        return (int) n;
    }

    private static long number(String line) {
        try {
            return Long.parseLong(value(line));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number in " + line, e);
        }
    }

    /** EXTINF value: decimal seconds, then a comma and an optional title. */
    private static Duration seconds(String value) {
        int comma = value.indexOf(',');
        String number = comma >= 0 ? value.substring(0, comma) : value;
        try {
            BigDecimal nanos = new BigDecimal(number).movePointRight(9);
            return Duration.ofNanos(nanos.longValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("bad EXTINF duration " + value, e);
        }
    }

    private static Instant dateTime(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad EXT-X-PROGRAM-DATE-TIME " + value, e);
        }
    }
}
