package io.tributary.ingest.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionLimiterTest {

    @Test
    void refusesAnAddressOverItsShare() {
        ConnectionLimiter limiter = new ConnectionLimiter(10, 2);
        assertEquals(Optional.empty(), limiter.tryAcquire("198.51.100.1"));
        assertEquals(Optional.empty(), limiter.tryAcquire("198.51.100.1"));
        assertEquals(Optional.of(ConnectionLimiter.MAX_PER_IP), limiter.tryAcquire("198.51.100.1"));
        assertEquals(Optional.empty(), limiter.tryAcquire("198.51.100.2"), "other addresses are not affected");
        limiter.release("198.51.100.1");
        assertEquals(Optional.empty(), limiter.tryAcquire("198.51.100.1"), "a released slot is free again");
    }

    @Test
    void refusesEveryoneOverTheTotal() {
        ConnectionLimiter limiter = new ConnectionLimiter(2, 2);
        limiter.tryAcquire("198.51.100.1");
        limiter.tryAcquire("198.51.100.2");
        assertEquals(Optional.of(ConnectionLimiter.MAX_TOTAL), limiter.tryAcquire("198.51.100.3"));
        limiter.release("198.51.100.2");
        assertEquals(Optional.empty(), limiter.tryAcquire("198.51.100.3"));
        assertEquals(2, limiter.open());
    }

    @Test
    void ignoresAReleaseWithoutAnAcquire() {
        ConnectionLimiter limiter = new ConnectionLimiter(2, 2);
        limiter.release("198.51.100.9");
        assertEquals(0, limiter.open());
    }
}
