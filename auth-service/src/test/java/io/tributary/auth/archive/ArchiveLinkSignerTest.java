package io.tributary.auth.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Signing is local: these tests talk to no server (the endpoint below has nothing listening). */
class ArchiveLinkSignerTest {
    private static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String SECRET = "secret-key-never-in-a-url";

    private static ArchiveLinkSigner signer(Duration expiry) {
        return new ArchiveLinkSigner(URI.create("http://localhost:1"), "access-key-id", SECRET, "tributary",
                "us-east-1", expiry, CLOCK);
    }

    @Test
    void signsAGetOfTheObjectForTheBrowsersEndpointWithTheConfiguredExpiry() {
        ArchiveLink link = signer(Duration.ofMinutes(15)).sign("archive/demo/s1.mp4");

        String url = link.url().toString();
        assertTrue(url.startsWith("http://localhost:1/tributary/archive/demo/s1.mp4?"), url);
        assertTrue(url.contains("X-Amz-Algorithm=AWS4-HMAC-SHA256"), url);
        assertTrue(url.contains("X-Amz-Credential=access-key-id%2F"), url);
        assertTrue(url.contains("%2Fus-east-1%2Fs3%2Faws4_request"), url);
        assertTrue(url.contains("X-Amz-Expires=900"), url);
        assertTrue(url.contains("X-Amz-Signature="), url);
        assertFalse(url.contains(SECRET), "the secret key never appears in a link");
        assertEquals(NOW.plus(Duration.ofMinutes(15)), link.expiresAt());
    }

    @Test
    void refusesExpiriesSigV4CannotSign() {
        assertThrows(IllegalArgumentException.class, () -> signer(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> signer(Duration.ofDays(8)));
    }
}
