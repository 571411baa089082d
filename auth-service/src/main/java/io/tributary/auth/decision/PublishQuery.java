package io.tributary.auth.decision;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads the {@code token} parameter from the query string of a publish URL ({@code rtmp://host/live/alice?token=...}),
 * as {@code application/x-www-form-urlencoded} pairs. A leading {@code ?} is tolerated.
 */
public final class PublishQuery {
    /** Longest query string accepted; a token is under 160 characters, the rest is encoder noise. */
    public static final int MAX_LENGTH = 2048;
    private static final String TOKEN = "token";

    private PublishQuery() {
    }

    /** The first non-empty {@code token} value, if any. Undecodable percent escapes count as no token. */
    public static Optional<String> token(String query) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        String q = query.charAt(0) == '?' ? query.substring(1) : query;
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (!TOKEN.equals(name) || eq < 0) {
                continue;
            }
            try {
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (!value.isEmpty()) {
                    return Optional.of(value);
                }
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
