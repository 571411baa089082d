package io.tributary.transcode.manifest;

/**
 * A millisecond count written as decimal seconds, the way both manifest formats want it. Plain arithmetic rather than
 * {@code String.format} and a regular expression: every manifest of every GOP writes one per listed segment, and
 * the formatter's parsing showed up in the worker's profile.
 */
public final class DecimalSeconds {
    private DecimalSeconds() {
    }

    /** Always three fraction digits: {@code 2002 → "2.002"}, {@code 2000 → "2.000"} (HLS EXTINF). */
    public static String threeDigits(long millis) {
        StringBuilder out = new StringBuilder(24);
        appendWhole(out, millis);
        long fraction = Math.abs(millis % 1000);
        out.append('.').append((char) ('0' + fraction / 100)).append((char) ('0' + fraction / 10 % 10))
                .append((char) ('0' + fraction % 10));
        return out.toString();
    }

    /**
     * Only the fraction digits that are not trailing zeros, and no point for whole seconds: {@code 2500 → "2.5"},
     * {@code 2000 → "2"}, {@code -1250 → "-1.25"} (xs:duration seconds in a DASH MPD).
     */
    public static String trimmed(long millis) {
        StringBuilder out = new StringBuilder(24);
        appendWhole(out, millis);
        long fraction = Math.abs(millis % 1000);
        if (fraction != 0) {
            out.append('.').append((char) ('0' + fraction / 100));
            if (fraction % 100 != 0) {
                out.append((char) ('0' + fraction / 10 % 10));
                if (fraction % 10 != 0) {
                    out.append((char) ('0' + fraction % 10));
                }
            }
        }
        return out.toString();
    }

    private static void appendWhole(StringBuilder out, long millis) {
        if (millis < 0) {
            out.append('-');
        }
        out.append(Math.abs(millis / 1000));
    }
}
