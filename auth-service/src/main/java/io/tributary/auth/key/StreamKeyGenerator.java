package io.tributary.auth.key;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes new stream keys and key ids.
 *
 * <p>A key is {@value #PREFIX} followed by 32 random bytes in unpadded base64url (RFC 4648 §5): 256 bits of entropy,
 * so guessing is hopeless and a plain SHA-256 is a sufficient hash. The prefix lets secret scanners and humans
 * recognise a leaked key. Only URL-safe characters, so the key can be the last element of an RTMP URL.
 *
 * <p>A key id is {@value #ID_PREFIX} followed by 9 random bytes (12 characters): unrelated to the key, so an id in a
 * URL, a log line or an event reveals nothing about the secret.
 */
public final class StreamKeyGenerator {
    public static final String PREFIX = "tsk_";
    public static final String ID_PREFIX = "key_";
    private static final int KEY_BYTES = 32;
    private static final int ID_BYTES = 9;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random;

    public StreamKeyGenerator(SecureRandom random) {
        this.random = random;
    }

    public StreamKey newKey() {
        return new StreamKey(PREFIX + BASE64URL.encodeToString(bytes(KEY_BYTES)));
    }

    public String newId() {
        return ID_PREFIX + BASE64URL.encodeToString(bytes(ID_BYTES));
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
