package io.tributary.auth.token;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC key for publish tokens. {@link #toString()} is redacted.
 */
public final class PublishTokenSecret {
    static final String ALGORITHM = "HmacSHA256";
    /** Domain separation label for the derived secret: the admin token is never used as an HMAC key directly. */
    private static final String DERIVATION_LABEL = "tributary publish-token secret v1";

    private final byte[] key;

    private PublishTokenSecret(byte[] key) {
        if (key.length == 0) {
            throw new IllegalArgumentException("the publish token secret is empty");
        }
        this.key = key.clone();
    }

    public static PublishTokenSecret of(String secret) {
        return new PublishTokenSecret(secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The configured secret, or one derived from the admin token: HMAC-SHA256(adminToken, label), stable across
     * restarts and equal on every instance sharing the admin token.
     */
    public static PublishTokenSecret fromConfig(Optional<String> configured, String adminToken) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return of(configured.get());
        }
        return new PublishTokenSecret(hmac(adminToken.getBytes(StandardCharsets.UTF_8),
                DERIVATION_LABEL.getBytes(StandardCharsets.UTF_8)));
    }

    byte[] sign(byte[] data) {
        return hmac(key, data);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JRE", e);
        }
    }

    @Override
    public String toString() {
        return "PublishTokenSecret[redacted]";
    }
}
