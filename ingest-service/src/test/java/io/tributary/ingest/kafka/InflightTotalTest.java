package io.tributary.ingest.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InflightTotalTest {

    private final InflightTotal total = new InflightTotal(100);

    @Test
    void isOverOnlyAboveItsLimit() {
        total.add(100);
        assertFalse(total.over(), "at the limit is within");
        total.add(1);
        assertTrue(total.over());
        total.release(1);
        assertFalse(total.over());
        assertEquals(100, total.bytes());
    }

    @Test
    void wakesEveryWaitingSessionOnceWhenAReleaseBringsItWithin() {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        total.add(150);
        total.whenWithin(first::incrementAndGet);
        total.whenWithin(second::incrementAndGet);
        total.release(20);
        assertEquals(0, first.get(), "still over: nobody woken");

        total.release(30);
        assertEquals(1, first.get());
        assertEquals(1, second.get());

        total.add(200);
        total.release(200);
        assertEquals(1, first.get(), "a registration runs once");
    }

    @Test
    void wakesAtOnceWhenAlreadyWithin() {
        AtomicInteger woken = new AtomicInteger();
        total.add(10);
        total.whenWithin(woken::incrementAndGet);
        assertEquals(1, woken.get(), "the release it waited for may have come before it registered");
    }

    @Test
    void aCancelledRegistrationIsNotWoken() {
        AtomicInteger woken = new AtomicInteger();
        total.add(150);
        InflightTotal.Registration registration = total.whenWithin(woken::incrementAndGet);
        total.whenWithin(() -> { });
        registration.cancel();
        assertEquals(1, total.waiting());
        total.release(150);
        assertEquals(0, woken.get());
        assertEquals(0, total.waiting());
    }

    @Test
    void refusesANonPositiveLimit() {
        assertThrows(IllegalArgumentException.class, () -> new InflightTotal(0));
    }
}
