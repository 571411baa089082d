package io.tributary.auth.key;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The SHA-256 of a stream key: what is stored (as the Kafka key of the key's record on {@code stream-keys}) in
 * place of the key. Equality is constant time. {@link #toString()} does not print the hash: it is not secret, but
 * log lines name keys by id, and keeping hashes out of them keeps the rule "no key material in logs" simple.
 */
public final class KeyHash {
    public static final int LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private KeyHash(byte[] bytes) {
        this.bytes = bytes;
    }

    static KeyHash of(byte[] digest) {
        if (digest.length != LENGTH) {
            throw new IllegalArgumentException("a SHA-256 hash has 32 bytes");
        }
        return new KeyHash(digest.clone());
    }

    /** Parses the 64 lowercase hex digits of {@link #hex()}. */
    public static KeyHash fromHex(String hex) {
        if (hex == null || hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("a key hash has 64 hex digits");
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new IllegalArgumentException("a key hash has 64 lowercase hex digits");
            }
        }
        return new KeyHash(HEX.parseHex(hex));
    }

    public String hex() {
        return HEX.formatHex(bytes);
    }

    /** Constant-time comparison (the time does not depend on where the first difference is). */
    public boolean matches(KeyHash other) {
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyHash other && matches(other);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "KeyHash[sha256]";
    }
}
