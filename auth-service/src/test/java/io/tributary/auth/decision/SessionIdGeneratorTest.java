package io.tributary.auth.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionIdGeneratorTest {
    static final Instant AT = Instant.parse("2026-01-02T03:04:05.678Z");

    @Test
    void isVersion7WithTheTimestampInTheFirst48Bits() {
        UUID id = new SessionIdGenerator(Clock.fixed(AT, ZoneOffset.UTC), new SecureRandom()).next();
        assertEquals(7, id.version());
        assertEquals(2, id.variant()); // RFC 9562 variant 0b10
        assertEquals(AT.toEpochMilli(), id.getMostSignificantBits() >>> 16);
    }

    @Test
    void idsAreUniqueAndSortByTime() {
        SessionIdGenerator early = new SessionIdGenerator(Clock.fixed(AT, ZoneOffset.UTC), new SecureRandom());
        SessionIdGenerator late = new SessionIdGenerator(Clock.fixed(AT.plusMillis(1), ZoneOffset.UTC),
                new SecureRandom());
        assertNotEquals(early.next(), early.next());
        assertTrue(early.next().toString().compareTo(late.next().toString()) < 0);
    }
}
