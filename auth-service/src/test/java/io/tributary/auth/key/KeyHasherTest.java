package io.tributary.auth.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KeyHasherTest {
    final KeyHasher hasher = new KeyHasher();

    @Test
    void hashIsSha256OfTheUtf8Key() {
        // FIPS 180-2 appendix B.1 test vector: SHA-256("abc")
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                hasher.hash(new StreamKey("abc")).hex());
    }

    @Test
    void equalKeysHaveMatchingHashes() {
        KeyHash a = hasher.hash(new StreamKey("tsk_same"));
        KeyHash b = hasher.hash(new StreamKey("tsk_same"));
        assertTrue(a.matches(b));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertFalse(a.matches(hasher.hash(new StreamKey("tsk_samf"))));
    }

    @Test
    void hexRoundTrips() {
        KeyHash a = hasher.hash(new StreamKey("tsk_x"));
        assertEquals(a, KeyHash.fromHex(a.hex()));
    }

    @Test
    void rejectsMalformedHex() {
        assertThrows(IllegalArgumentException.class, () -> KeyHash.fromHex("ab"));
        assertThrows(IllegalArgumentException.class, () -> KeyHash.fromHex("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"));
        assertThrows(IllegalArgumentException.class, () -> KeyHash.fromHex("z".repeat(64)));
        assertThrows(IllegalArgumentException.class, () -> KeyHash.fromHex(null));
    }

    @Test
    void nothingSecretInToString() {
        StreamKey key = new StreamKey("tsk_secret-value");
        assertFalse(key.toString().contains("secret"));
        assertFalse(hasher.hash(key).toString().contains(hasher.hash(key).hex().substring(0, 8)));
    }

    @Test
    void generatedKeysAreUrlSafeHighEntropyAndDistinct() {
        StreamKeyGenerator generator = new StreamKeyGenerator(new SecureRandom());
        Pattern keyShape = Pattern.compile("tsk_[A-Za-z0-9_-]{43}");
        Pattern idShape = Pattern.compile("key_[A-Za-z0-9_-]{12}");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String key = generator.newKey().value();
            assertTrue(keyShape.matcher(key).matches(), key.length() + " characters");
            assertTrue(seen.add(key));
            assertTrue(idShape.matcher(generator.newId()).matches());
        }
        assertNotEquals(generator.newId(), generator.newId());
    }
}
