package io.tributary.auth.decision;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * UUIDv7 session ids (RFC 9562 §5.7): 48-bit Unix milliseconds, version 7, 74 random bits. Time-ordered, so sessions
 * of a channel sort by start and object keys built from them list in order.
 */
public final class SessionIdGenerator {
    private final Clock clock;
    private final SecureRandom random;

    public SessionIdGenerator(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    public UUID next() {
        long millis = clock.millis();
        long randA = random.nextInt(1 << 12);
        long randB = random.nextLong();
        long msb = (millis & 0xFFFF_FFFF_FFFFL) << 16 // unix_ts_ms, 48 bits
                | 0x7000L                              // ver = 7
                | randA;                               // rand_a, 12 bits
        long lsb = 0x8000_0000_0000_0000L             // var = 0b10
                | (randB & 0x3FFF_FFFF_FFFF_FFFFL);    // rand_b, 62 bits
        return new UUID(msb, lsb);
    }
}
