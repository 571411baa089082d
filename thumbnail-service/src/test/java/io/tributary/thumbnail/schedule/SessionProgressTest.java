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
    void doesNotDecodeAKeyframeWhoseDecodeNeverFinished() {
        // a process saved "decoding GOP 12" and died before clearing it: the next process loads that
        SessionProgress found = SESSION.withPictureFor(2).withAttempt(12);

        SessionProgress recovered = found.recovered();

        assertFalse(recovered.decodes(12), "the keyframe the process died on");
        assertTrue(recovered.decodes(13), "the next keyframe of the minute");
        assertTrue(recovered.decodes(11));
        assertEquals(List.of(12L), recovered.crashed());
        assertEquals(SessionProgress.NONE, recovered.attempt());
        assertEquals(2, recovered.lastMinute(), "the rest of the progress is unchanged");
        assertTrue(recovered.wants(3));
    }

    @Test
    void decodesEverythingWhenNoDecodeWasLeftUnfinished() {
        SessionProgress finished = SESSION.withAttempt(12).withAttempt(SessionProgress.NONE);

        assertEquals(finished, finished.recovered());
        assertTrue(finished.recovered().decodes(12));
    }

    @Test
    void remembersEachCrashedKeyframeNotOnlyTheLast() {
        // GOP 12 crashed, was skipped, then GOP 13 crashed before the skip of 12 was committed: 12 comes back
        SessionProgress afterTwoCrashes = SESSION.withAttempt(12).recovered().withAttempt(13).recovered();

        assertFalse(afterTwoCrashes.decodes(12));
        assertFalse(afterTwoCrashes.decodes(13));
        assertTrue(afterTwoCrashes.decodes(14));
        assertFalse(afterTwoCrashes.gaveUp());
    }

    @Test
    void givesUpOnASessionWhoseKeyframesCrashedTheDecoderTooOften() {
        SessionProgress progress = SESSION;
        for (long seq = 10; seq < 10 + SessionProgress.MAX_CRASHED; seq++) {
            progress = progress.withAttempt(seq).recovered();
        }

        assertTrue(progress.gaveUp());
        assertFalse(progress.decodes(100), "no keyframe of the session is decoded any more");
        assertEquals(SessionProgress.MAX_CRASHED, progress.crashed().size());
    }

    @Test
    void aReplayFromTheFirstGopKeepsTheCrashedKeyframes() {
        SessionProgress saved = SESSION.withPictureFor(7).withAttempt(0); // died on the first keyframe itself

        SessionProgress replayed = saved.restartedAt(5_000, Duration.ofSeconds(60));

        assertEquals(SessionProgress.NONE, replayed.lastMinute(), "every minute is pictured again");
        assertFalse(replayed.decodes(0), "but not from the keyframe that crashed the decoder");
    }

    @Test
    void rejectsValuesThatCannotBeProgress() {
        assertThrows(IllegalArgumentException.class, () -> new SessionProgress("s", 0, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> new SessionProgress("s", -1, 1000, -1));
        assertThrows(IllegalArgumentException.class, () -> new SessionProgress("s", 0, 1000, -2));
        assertThrows(NullPointerException.class, () -> new SessionProgress(null, 0, 1000, -1));
        assertThrows(IllegalArgumentException.class, () -> new SessionProgress("s", 0, 1000, -1, -2, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SessionProgress("s", 0, 1000, -1, -1, List.of(-3L)));
        assertThrows(IllegalArgumentException.class,
                () -> new SessionProgress("s", 0, 1000, -1, -1, List.of(1L, 2L, 3L, 4L)));
    }
}
