package io.tributary.ingest.admin;

import io.tributary.ingest.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The admin bearer token ({@code tributary.ingest.admin-token}), checked in constant time: both sides are hashed,
 * so the comparison takes the same time whatever the presented token. Without a configured token nothing matches.
 */
@ApplicationScoped
public class AdminToken {

    private static final String SCHEME = "Bearer ";
    /** A bearer token longer than this is not ours; no need to hash megabytes. */
    private static final int MAX_HEADER_LENGTH = 1024;

    private final Optional<byte[]> expectedHash;

    @Inject
    public AdminToken(IngestConfig config) {
        this.expectedHash = config.adminToken().filter(t -> !t.isBlank()).map(AdminToken::sha256);
    }

    /** Whether an {@code Authorization} header value carries the admin token (RFC 6750 section 2.1). */
    public boolean matches(String authorization) {
        if (expectedHash.isEmpty() || authorization == null || authorization.length() > MAX_HEADER_LENGTH
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        byte[] presented = sha256(authorization.substring(SCHEME.length()).trim());
        return MessageDigest.isEqual(expectedHash.get(), presented);
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
