package io.tributary.auth.channel;

import java.util.regex.Pattern;

/**
 * The rule for channel names: lowercase ASCII letters, digits, {@code -} and {@code _}, 1 to 64 characters.
 * Channel names appear in playback URLs, object keys ({@code live/{channel}/...}) and Kafka keys, so they are
 * restricted to characters that need no escaping anywhere and cannot contain a dot (the token separator).
 */
public final class ChannelName {
    public static final int MAX_LENGTH = 64;
    private static final Pattern VALID = Pattern.compile("[a-z0-9_-]{1," + MAX_LENGTH + "}");

    private ChannelName() {
    }

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** @throws IllegalArgumentException with a message fit for an API error */
    public static String require(String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException(
                    "channel name must be 1-" + MAX_LENGTH + " characters of a-z, 0-9, '-' or '_'");
        }
        return name;
    }
}
