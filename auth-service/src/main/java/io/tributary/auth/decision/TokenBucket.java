package io.tributary.auth.decision;

/**
 * A token bucket: holds up to {@code capacity} tokens, earns {@code perMinute} back per minute, continuously.
 * Not thread-safe; {@link FailureThrottle} owns its buckets under its lock.
 */
final class TokenBucket {
    private static final double NANOS_PER_MINUTE = 60e9;

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long updatedAt;

    TokenBucket(int capacity, int perMinute, long now) {
        this.capacity = capacity;
        this.tokensPerNano = perMinute / NANOS_PER_MINUTE;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes one token if there is one. */
    boolean tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    boolean isEmpty(long now) {
        refill(now);
        return tokens < 1;
    }

    private void refill(long now) {
        long elapsed = now - updatedAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            updatedAt = now;
        }
    }
}
