package io.tributary.auth.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The configured admin bearer token, checked in constant time. Both sides are hashed first, so the comparison takes
 * the same time whatever the presented token's length. {@link #toString()} is redacted.
 */
public final class AdminToken {
    private static final String SCHEME = "Bearer ";
    /** A bearer token longer than this is not ours; no need to hash megabytes. */
    private static final int MAX_HEADER_LENGTH = 1024;

    private final byte[] expectedHash;

    public AdminToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("tributary.auth.admin-token must not be empty");
        }
        this.expectedHash = sha256(token);
    }

    /** Whether an {@code Authorization} header value carries the admin token (RFC 6750 §2.1). */
    public boolean matches(String authorization) {
        if (authorization == null || authorization.length() > MAX_HEADER_LENGTH
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        String presented = authorization.substring(SCHEME.length()).trim();
        return MessageDigest.isEqual(expectedHash, sha256(presented));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JRE", e);
        }
    }

    @Override
    public String toString() {
        return "AdminToken[redacted]";
    }
}
