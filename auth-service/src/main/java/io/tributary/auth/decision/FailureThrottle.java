package io.tributary.auth.decision;

import io.tributary.auth.key.IpAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Per-address throttle for publish decisions (and failed admin authentication).
 *
 * <p>The rule, chosen so that a brute-forcer is slowed without locking out the real streamer behind the same
 * address (a shared NAT, or the streamer's own encoder retrying with an old key):
 * <ul>
 *   <li>each address has a <em>failure</em> bucket; a failed attempt takes a token, and once it is empty further
 *       failures are answered {@code rate-limited} instead of their real reason (so a guesser learns nothing);</li>
 *   <li>valid credentials are <em>not</em> refused because of failures: keys carry 256 random bits and tokens are
 *       HMACs, so letting a correct answer through gives a guesser nothing, while refusing it would let anyone
 *       behind the same NAT keep a streamer off the air;</li>
 *   <li>each address also has a much larger <em>attempt</em> bucket that every decision takes from; when it is
 *       empty everything from the address is {@code rate-limited}, valid or not. It only stops floods.</li>
 * </ul>
 * IPv6 addresses are throttled per /64, the block one subscriber gets (RFC 6177), otherwise one host could use a
 * fresh address for every guess.
 *
 * <p>Memory is bounded: at most {@code maxTracked} addresses, the least recently seen forgotten first.
 */
public final class FailureThrottle {
    private final int failureBurst;
    private final int failuresPerMinute;
    private final int attemptBurst;
    private final int attemptsPerMinute;
    private final LongSupplier nanoTime;
    private final Map<IpAddress, Buckets> buckets;

    public FailureThrottle(int failureBurst, int failuresPerMinute, int attemptsPerMinute, int maxTracked,
                           LongSupplier nanoTime) {
        if (failureBurst < 1 || failuresPerMinute < 0 || attemptsPerMinute < 1 || maxTracked < 1) {
            throw new IllegalArgumentException("throttle settings must be positive");
        }
        this.failureBurst = failureBurst;
        this.failuresPerMinute = failuresPerMinute;
        this.attemptBurst = attemptsPerMinute;
        this.attemptsPerMinute = attemptsPerMinute;
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<IpAddress, Buckets> eldest) {
                return size() > maxTracked;
            }
        };
    }

    /** Counts one attempt of any outcome; false when the address is over the hard cap. */
    public synchronized boolean tryAttempt(IpAddress address) {
        long now = nanoTime.getAsLong();
        return bucketsOf(address, now).attempts.tryTake(now);
    }

    /** Counts one failure; false when the address had no failures left (answer {@code rate-limited}). */
    public synchronized boolean tryFailure(IpAddress address) {
        long now = nanoTime.getAsLong();
        return bucketsOf(address, now).failures.tryTake(now);
    }

    /** Whether the next failure from the address would be answered {@code rate-limited}. */
    public synchronized boolean isThrottled(IpAddress address) {
        Buckets b = buckets.get(blockOf(address));
        return b != null && b.failures.isEmpty(nanoTime.getAsLong());
    }

    public synchronized int trackedAddresses() {
        return buckets.size();
    }

    private Buckets bucketsOf(IpAddress address, long now) {
        return buckets.computeIfAbsent(blockOf(address), a -> new Buckets(
                new TokenBucket(failureBurst, failuresPerMinute, now),
                new TokenBucket(attemptBurst, attemptsPerMinute, now)));
    }

    /** The throttled unit: the IPv4 address, or the IPv6 /64 it belongs to. */
    static IpAddress blockOf(IpAddress address) {
        if (address.family() == IpAddress.Family.IPV4) {
            return address;
        }
        return new IpAddress(IpAddress.Family.IPV6, address.high(), 0);
    }

    private record Buckets(TokenBucket failures, TokenBucket attempts) {
    }
}
