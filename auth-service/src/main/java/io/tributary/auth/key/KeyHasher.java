package io.tributary.auth.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 over the UTF-8 bytes of a stream key. No salt and no slow hash: keys carry 256 random bits, so there is
 * nothing to brute-force offline, and an unsalted hash can be looked up directly (a decision is one map lookup).
 */
public final class KeyHasher {

    public KeyHash hash(StreamKey key) {
        try {
            // MessageDigest instances are not thread-safe; getInstance is cheap next to a network round trip.
            return KeyHash.of(MessageDigest.getInstance("SHA-256").digest(key.value().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JRE", e);
        }
    }
}
