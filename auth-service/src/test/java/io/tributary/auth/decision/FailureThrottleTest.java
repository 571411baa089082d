package io.tributary.auth.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.auth.key.IpAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FailureThrottleTest {
    static final IpAddress ATTACKER = IpAddress.parse("198.51.100.66");
    static final IpAddress OTHER = IpAddress.parse("198.51.100.67");

    long now = 1_000_000_000L;
    final FailureThrottle throttle = new FailureThrottle(5, 6, 20, 1000, () -> now);

    @Test
    void allowsTheBurstOfFailuresThenRefuses() {
        for (int i = 0; i < 5; i++) {
            assertTrue(throttle.tryFailure(ATTACKER), "failure " + i);
        }
        assertFalse(throttle.tryFailure(ATTACKER));
        assertTrue(throttle.isThrottled(ATTACKER));
    }

    @Test
    void earnsFailuresBackOverTime() {
        for (int i = 0; i < 5; i++) {
            throttle.tryFailure(ATTACKER);
        }
        assertFalse(throttle.tryFailure(ATTACKER));
        now += TimeUnit.SECONDS.toNanos(9); // 6 per minute = one per 10 s
        assertFalse(throttle.tryFailure(ATTACKER));
        now += TimeUnit.SECONDS.toNanos(1);
        assertTrue(throttle.tryFailure(ATTACKER));
        assertFalse(throttle.tryFailure(ATTACKER));
    }

    @Test
    void neverHoldsMoreThanTheBurst() {
        now += TimeUnit.HOURS.toNanos(5);
        for (int i = 0; i < 5; i++) {
            assertTrue(throttle.tryFailure(ATTACKER));
        }
        assertFalse(throttle.tryFailure(ATTACKER));
    }

    @Test
    void addressesAreThrottledSeparately() {
        for (int i = 0; i < 6; i++) {
            throttle.tryFailure(ATTACKER);
        }
        assertTrue(throttle.isThrottled(ATTACKER));
        assertFalse(throttle.isThrottled(OTHER));
        assertTrue(throttle.tryFailure(OTHER));
    }

    @Test
    void ipv6IsThrottledPerSlash64() {
        for (int i = 0; i < 5; i++) {
            assertTrue(throttle.tryFailure(IpAddress.parse("2001:db8:1:2::" + Integer.toHexString(i + 1))));
        }
        assertFalse(throttle.tryFailure(IpAddress.parse("2001:db8:1:2:ffff::1")), "same /64");
        assertTrue(throttle.tryFailure(IpAddress.parse("2001:db8:1:3::1")), "next /64");
    }

    @Test
    void mappedAndPlainIpv4AreTheSameAddress() {
        for (int i = 0; i < 5; i++) {
            throttle.tryFailure(IpAddress.parse("::ffff:198.51.100.66"));
        }
        assertTrue(throttle.isThrottled(ATTACKER));
    }

    @Test
    void attemptsHaveTheirOwnHardCap() {
        for (int i = 0; i < 20; i++) {
            assertTrue(throttle.tryAttempt(ATTACKER), "attempt " + i);
        }
        assertFalse(throttle.tryAttempt(ATTACKER));
        assertFalse(throttle.isThrottled(ATTACKER), "attempts do not use up failures");
        now += TimeUnit.SECONDS.toNanos(3); // 20 per minute = one per 3 s
        assertTrue(throttle.tryAttempt(ATTACKER));
    }

    @Test
    void forgetsTheLeastRecentlySeenBeyondTheBound() {
        FailureThrottle small = new FailureThrottle(1, 1, 10, 3, () -> now);
        small.tryFailure(IpAddress.parse("192.0.2.1"));
        small.tryFailure(IpAddress.parse("192.0.2.2"));
        small.tryFailure(IpAddress.parse("192.0.2.3"));
        small.tryFailure(IpAddress.parse("192.0.2.2")); // touched: now the most recent
        small.tryFailure(IpAddress.parse("192.0.2.4"));
        assertEquals(3, small.trackedAddresses());
        assertFalse(small.isThrottled(IpAddress.parse("192.0.2.1")), "forgotten");
        assertTrue(small.isThrottled(IpAddress.parse("192.0.2.2")));
        assertTrue(small.isThrottled(IpAddress.parse("192.0.2.4")));
    }
}
