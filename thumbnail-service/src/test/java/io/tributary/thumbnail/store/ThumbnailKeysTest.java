package io.tributary.thumbnail.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThumbnailKeysTest {

    @Test
    void namesThePicturesOfAMinuteAndTheChannelsLatest() {
        ThumbnailKeys keys = ThumbnailKeys.of("alice", "01JABCDEFGHJKMNPQRSTVWXYZ0", 3);

        assertEquals("thumbnails/alice/01JABCDEFGHJKMNPQRSTVWXYZ0/3.jpg", keys.minute());
        assertEquals("thumbnails/alice/latest.jpg", keys.latest());
        assertEquals("thumbnails/alice/01JABCDEFGHJKMNPQRSTVWXYZ0/3-small.jpg", keys.smallMinute());
        assertEquals("thumbnails/alice/latest-small.jpg", keys.smallLatest());
    }

    @Test
    void refusesNamesThatWouldLeaveTheirPrefix() {
        assertTrue(ThumbnailKeys.isValid("alice", "s1"));
        for (String bad : new String[] {null, "", ".", "..", "a/b", "a\\b", "a b", "a\nb", "x".repeat(65)}) {
            assertFalse(ThumbnailKeys.isValid(bad, "s1"), "channel " + bad);
            assertFalse(ThumbnailKeys.isValid("alice", bad), "session " + bad);
        }
        assertThrows(IllegalArgumentException.class, () -> ThumbnailKeys.of("../bob", "s1", 0));
        assertThrows(IllegalArgumentException.class, () -> ThumbnailKeys.of("alice", "s1", -1));
    }
}
