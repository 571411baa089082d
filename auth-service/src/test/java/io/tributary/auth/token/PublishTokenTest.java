package io.tributary.auth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PublishTokenTest {
    static final PublishTokenSecret SECRET = PublishTokenSecret.of("s3cret-for-tests");
    static final Instant EXPIRY = Instant.ofEpochSecond(1_767_225_600L); // 2026-01-01T00:00:00Z
    static final Instant BEFORE = EXPIRY.minusSeconds(1);

    final PublishTokenSigner signer = new PublishTokenSigner(SECRET);
    final PublishTokenVerifier verifier = new PublishTokenVerifier(SECRET);

    @Test
    void formatIsVersionChannelExpiryAndHmacOfTheRest() throws Exception {
        String token = signer.sign(new PublishToken("alice", EXPIRY));
        // computed independently, as a platform would from the documented format
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cret-for-tests".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal("v1.alice.1767225600".getBytes(StandardCharsets.UTF_8)));
        assertEquals("v1.alice.1767225600." + signature, token);
        assertEquals(43, signature.length());
    }

    @Test
    void verifiesATokenItSigned() {
        TokenVerdict verdict = verifier.verify(signer.sign(new PublishToken("alice", EXPIRY)), BEFORE);
        assertEquals(new TokenVerdict.Valid(new PublishToken("alice", EXPIRY)), verdict);
    }

    @Test
    void expiresAtTheExpirySecond() {
        String token = signer.sign(new PublishToken("alice", EXPIRY));
        assertInstanceOf(TokenVerdict.Expired.class, verifier.verify(token, EXPIRY));
        assertInstanceOf(TokenVerdict.Expired.class, verifier.verify(token, EXPIRY.plusSeconds(3600)));
        assertInstanceOf(TokenVerdict.Valid.class, verifier.verify(token, EXPIRY.minusMillis(1)));
    }

    @Test
    void rejectsATokenSignedWithAnotherSecret() {
        String token = new PublishTokenSigner(PublishTokenSecret.of("other")).sign(new PublishToken("alice", EXPIRY));
        assertInstanceOf(TokenVerdict.Invalid.class, verifier.verify(token, BEFORE));
    }

    @Test
    void rejectsAnExpiredTokenWhoseExpiryWasMovedForward() {
        String token = signer.sign(new PublishToken("alice", EXPIRY));
        String tampered = token.replace(".1767225600.", ".1767229200.");
        assertInstanceOf(TokenVerdict.Invalid.class, verifier.verify(tampered, EXPIRY.plusSeconds(1)));
    }

    @Test
    void rejectsEverySingleCharacterChange() {
        String token = signer.sign(new PublishToken("alice", EXPIRY));
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";
        for (int i = 0; i < token.length(); i++) {
            char original = token.charAt(i);
            char replacement = alphabet.charAt((alphabet.indexOf(original) + 7) % alphabet.length());
            String tampered = token.substring(0, i) + replacement + token.substring(i + 1);
            TokenVerdict verdict = verifier.verify(tampered, BEFORE);
            assertInstanceOf(TokenVerdict.Invalid.class, verdict, "changed at " + i);
        }
    }

    @Test
    void rejectsMalformedTokens() {
        String good = signer.sign(new PublishToken("alice", EXPIRY));
        String sig = good.substring(good.lastIndexOf('.') + 1);
        for (String bad : new String[] {"", ".", "v1", "v1.alice", "v1.alice.1767225600",
                "v2.alice.1767225600." + sig, "v1.Alice.1767225600." + sig, "v1.al.ice.1767225600." + sig,
                "v1.alice.01767225600." + sig, "v1.alice.-1." + sig, "v1.alice.+1767225600." + sig,
                "v1.alice.1767225600." + sig + "=", "v1.alice.1767225600." + sig.substring(1),
                "v1..1767225600." + sig, "v1.alice.123456789012." + sig, good + ".x", "x".repeat(10_000)}) {
            assertInstanceOf(TokenVerdict.Invalid.class, verifier.verify(bad, BEFORE), bad);
        }
        assertInstanceOf(TokenVerdict.Invalid.class, verifier.verify(null, BEFORE));
    }

    @Test
    void derivedSecretIsStableAndDependsOnTheAdminToken() {
        String token = new PublishTokenSigner(PublishTokenSecret.fromConfig(Optional.empty(), "admin-a"))
                .sign(new PublishToken("alice", EXPIRY));
        assertInstanceOf(TokenVerdict.Valid.class,
                new PublishTokenVerifier(PublishTokenSecret.fromConfig(Optional.empty(), "admin-a"))
                        .verify(token, BEFORE));
        assertInstanceOf(TokenVerdict.Invalid.class,
                new PublishTokenVerifier(PublishTokenSecret.fromConfig(Optional.empty(), "admin-b"))
                        .verify(token, BEFORE));
        // the admin token itself is not the HMAC key
        assertInstanceOf(TokenVerdict.Invalid.class,
                new PublishTokenVerifier(PublishTokenSecret.of("admin-a")).verify(token, BEFORE));
    }

    @Test
    void configuredSecretWins() {
        PublishTokenSecret configured = PublishTokenSecret.fromConfig(Optional.of("s3cret-for-tests"), "admin");
        String token = new PublishTokenSigner(configured).sign(new PublishToken("alice", EXPIRY));
        assertInstanceOf(TokenVerdict.Valid.class, verifier.verify(token, BEFORE));
    }

    @Test
    void secretIsRedacted() {
        assertTrue(!SECRET.toString().contains("s3cret"));
    }

    @Test
    void claimsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new PublishToken("Alice", EXPIRY));
        assertThrows(IllegalArgumentException.class, () -> new PublishToken("a.b", EXPIRY));
        assertThrows(IllegalArgumentException.class, () -> new PublishToken("alice", EXPIRY.plusMillis(1)));
    }
}
