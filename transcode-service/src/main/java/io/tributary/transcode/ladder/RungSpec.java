package io.tributary.transcode.ladder;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rung as configured, before any source is known: its name, the size of its picture's shorter side (the "720" of
 * 720p, which is the width of a portrait picture) and its bit rate.
 */
public record RungSpec(String name, int shortSide, long bitsPerSecond) {
    private static final Pattern NAME = Pattern.compile("(\\d{2,4})p");
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kKmM]?)");

    /** The default ladder's bit rates: the usual H.264 rates for 30 fps live video at these sizes. */
    public static final Map<String, Long> BUILT_IN_BITRATES = Map.of(
            "1080p", 5_000_000L,
            "720p", 3_000_000L,
            "480p", 1_200_000L,
            "360p", 600_000L,
            "240p", 300_000L);

    public RungSpec {
        if (shortSide < 16 || shortSide % 2 != 0 || bitsPerSecond <= 0) {
            throw new IllegalArgumentException("bad rung " + name + ": " + shortSide + " lines at " + bitsPerSecond
                    + " b/s");
        }
    }

    /**
     * The rung called {@code name} ({@code <lines>p}), at the rate {@code bitrates} gives it, else the built-in one.
     *
     * @param bitrates configured rates by rung name, as {@code 2500k}, {@code 5M} or bits per second
     * @throws IllegalArgumentException for a name that is not {@code <lines>p}, or a rung without a known rate
     */
    public static RungSpec named(String name, Map<String, String> bitrates) {
        String trimmed = name.strip().toLowerCase(Locale.ROOT);
        Matcher m = NAME.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException("a rung is named by its lines, like 720p: " + name);
        }
        String configured = bitrates.get(trimmed);
        Long rate = configured != null ? Long.valueOf(parseBitrate(configured)) : BUILT_IN_BITRATES.get(trimmed);
        if (rate == null) {
            throw new IllegalArgumentException("rung " + trimmed + " has no bit rate: set tributary.transcode.ladder"
                    + ".bitrates." + trimmed);
        }
        return new RungSpec(trimmed, Integer.parseInt(m.group(1)), rate);
    }

    /** {@code 600k} = 600 000, {@code 5M} = 5 000 000 (decimal prefixes, as bit rates are quoted). */
    static long parseBitrate(String text) {
        Matcher m = RATE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a bit rate: " + text);
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        double factor = unit.equals("k") ? 1e3 : unit.equals("m") ? 1e6 : 1;
        return Math.round(value * factor);
    }
}
