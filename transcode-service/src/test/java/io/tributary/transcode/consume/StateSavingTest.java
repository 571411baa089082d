package io.tributary.transcode.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a channel's state is saved with the ladder off (issue 10: fewer PUTs that rewrite the state object). */
class StateSavingTest {
    private static final StateSaving EVERY_5 = new StateSaving(5, Duration.ofSeconds(15));

    /**
     * (unsaved records with this one, its session's last) -> saved now. A full partition saves too, as a step of its
     * own ({@code GopRecordHandler.onPartitionFull}, pinned by {@code StateSavingIT}).
     */
    private record Case(String name, StateSaving saving, int unsaved, boolean ends, boolean saved) {
    }

    private static final List<Case> CASES = List.of(
            new Case("first record of a batch", EVERY_5, 1, false, false),
            new Case("fourth record", EVERY_5, 4, false, false),
            new Case("fifth record", EVERY_5, 5, false, true),
            new Case("the session's last record, alone", EVERY_5, 1, true, true),
            new Case("the session's last record, after three", EVERY_5, 4, true, true),
            new Case("every record (save-every 1)", StateSaving.EVERY_RECORD, 1, false, true));

    @Test
    void savesAfterSaveEveryRecordsOrWithTheSessionsLast() {
        for (Case c : CASES) {
            assertEquals(c.saved(), c.saving().saveNow(c.unsaved(), c.ends()), c.name());
        }
    }

    @Test
    void defaultsAreFiveRecordsAndAnAgeAboveFourTwoSecondGops() {
        assertEquals(5, StateSaving.DEFAULT.saveEvery());
        assertEquals(Duration.ofSeconds(15), StateSaving.DEFAULT.maxUnsavedAge());
    }

    @Test
    void rejectsACadenceBelowOneRecordOrAboveTheLimitOrANonPositiveAge() {
        assertThrows(IllegalArgumentException.class, () -> new StateSaving(0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new StateSaving(StateSaving.MAX_SAVE_EVERY + 1, Duration.ofSeconds(1)));
        assertEquals(StateSaving.MAX_SAVE_EVERY,
                new StateSaving(StateSaving.MAX_SAVE_EVERY, Duration.ofSeconds(1)).saveEvery());
        assertThrows(IllegalArgumentException.class, () -> new StateSaving(5, Duration.ZERO));
    }
}
