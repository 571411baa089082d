package io.tributary.deploy.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them on a command line: {@code 90s}, {@code 15m}, {@code 1h}, {@code 7d}, {@code 2w},
 * combined ({@code 1h30m}), or ISO-8601 ({@code PT1H}, {@code P7D}).
 */
final class DurationText {

    private static final Pattern WHOLE = Pattern.compile("(\\d{1,9}(?:s|m|h|d|w))+");
    private static final Pattern PART = Pattern.compile("(\\d{1,9})([smhdw])");

    private DurationText() {
    }

    /** @throws CliException (usage) naming the option when the text is not a positive duration */
    static Duration parse(String option, String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        Duration duration;
        if (value.startsWith("p")) {
            try {
                duration = Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw malformed(option, text);
            }
        } else if (WHOLE.matcher(value).matches()) {
            duration = Duration.ZERO;
            Matcher part = PART.matcher(value);
            while (part.find()) {
                long amount = Long.parseLong(part.group(1));
                duration = duration.plus(switch (part.group(2)) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    case "d" -> Duration.ofDays(amount);
                    default -> Duration.ofDays(7 * amount);
                });
            }
        } else {
            throw malformed(option, text);
        }
        if (duration.isZero() || duration.isNegative()) {
            throw CliException.usage(option + " must be longer than zero, not '" + text + "'");
        }
        return duration;
    }

    /** The short form of a duration, rounded down to the second: {@code 1h2m3s}, {@code 45s}, {@code 3d4h}. */
    static String format(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        StringBuilder text = new StringBuilder();
        if (days > 0) {
            text.append(days).append('d');
        }
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0 && days == 0) {
            text.append(minutes).append('m');
        }
        if ((rest > 0 && days == 0 && hours == 0) || text.length() == 0) {
            text.append(rest).append('s');
        }
        return text.toString();
    }

    private static CliException malformed(String option, String text) {
        return CliException.usage(option + ": '" + text + "' is not a duration; write e.g. 90s, 15m, 1h, 7d or 1h30m");
    }
}
