package io.tributary.thumbnail.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionProgressTest {

    /** A session whose first GOP starts at 5 000 ms of media time, with 60 s minutes. */
    private static final SessionProgress SESSION = SessionProgress.start("01JSESSION", 5_000, Duration.ofSeconds(60));

    record Case(String name, long mediaStartMillis, long minute) {
    }

    static final List<Case> CASES = List.of(
            new Case("the first GOP is minute 0", 5_000, 0),
            new Case("a GOP just before the first minute ends", 64_999, 0),
            new Case("a GOP starting exactly one interval after the origin", 65_000, 1),
            new Case("a GOP well into minute 2", 130_000, 2),
            new Case("an hour in", 5_000 + 3_600_000, 60),
            new Case("a GOP before the origin (timestamps went back)", 4_999, -1),
            new Case("media time 0 with a later origin", 0, -1));

    @Test
    void countsMinutesFromTheFirstGopOfTheSession() {
        for (Case c : CASES) {
            assertEquals(c.minute, SESSION.minuteOf(c.mediaStartMillis), c.name);
        }
    }

    @Test
    void wantsEachMinuteOnceAndNeverGoesBack() {
        assertTrue(SESSION.wants(0));
        SessionProgress afterMinute0 = SESSION.withPictureFor(0);
        assertFalse(afterMinute0.wants(0), "a minute with a picture");
        assertFalse(afterMinute0.wants(-1), "before the origin");
        assertTrue(afterMinute0.wants(1));
        assertTrue(afterMinute0.wants(5), "a minute without GOPs in between is simply not pictured");
        SessionProgress afterMinute5 = afterMinute0.withPictureFor(5);
        assertFalse(afterMinute5.wants(3), "an earlier minute is not revisited");
    }

    @Test
    void startsWithoutAPicture() {
        assertEquals(SessionProgress.NONE, SESSION.lastMinute());
        assertFalse(SESSION.wants(-1));
    }

    @Test
    void rejectsValuesThatCannotBeProgress() {
        assertThrows(IllegalArgumentException.class, () -> new SessionProgress("s", 0, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> new SessionProgress("s", -1, 1000, -1));
        assertThrows(IllegalArgumentException.class, () -> new SessionProgress("s", 0, 1000, -2));
        assertThrows(NullPointerException.class, () -> new SessionProgress(null, 0, 1000, -1));
    }
}
