package io.tributary.auth.token;

import io.tributary.auth.channel.ChannelName;
import java.time.Instant;

/**
 * The claims of a signed publish token: which channel, until when.
 *
 * <p>Wire format (version 1), four fields separated by {@code .}:
 * <pre>
 * v1.&lt;channel&gt;.&lt;expiresAt&gt;.&lt;signature&gt;
 *
 * channel    the channel name (a-z 0-9 - _, 1-64 characters; never contains '.')
 * expiresAt  expiry, decimal Unix seconds, no sign, no leading zeros
 * signature  base64url without padding (RFC 4648 §5) of
 *            HMAC-SHA256(secret, "v1." + channel + "." + expiresAt)   (RFC 2104), 43 characters
 * </pre>
 * Example: {@code v1.alice.1767225600.3q2-7w...}. A platform holding the secret mints tokens without calling the API
 * and hands the streamer {@code rtmp://host/live/alice?token=v1.alice.1767225600.3q2-7w...}.
 *
 * @param channel   the channel this token may publish to
 * @param expiresAt the token is refused from this second on
 */
public record PublishToken(String channel, Instant expiresAt) {
    public static final String VERSION = "v1";
    /** Longest text a verifier looks at: v1 + 64-char channel + 20-digit expiry + 43-char signature + dots. */
    public static final int MAX_LENGTH = 160;

    public PublishToken {
        ChannelName.require(channel);
        if (expiresAt.getEpochSecond() < 0 || expiresAt.getNano() != 0) {
            throw new IllegalArgumentException("token expiry is a whole, non-negative number of Unix seconds");
        }
    }

    /** The signed part: {@code v1.<channel>.<expiresAt>}. */
    String signedText() {
        return VERSION + "." + channel + "." + expiresAt.getEpochSecond();
    }
}
