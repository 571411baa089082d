package io.tributary.deploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void alignsColumnsToTheWidestCellAndMarksAbsentValues() {
        TextTable table = new TextTable("NAME", "KEYS", "LIVE")
                .row("alice", "1", "live")
                .row("a-much-longer-name", "12", null);

        assertEquals("""
                NAME                KEYS  LIVE
                alice               1     live
                a-much-longer-name  12    -
                """, table.render());
        assertFalse(table.isEmpty());
    }

    @Test
    void isEmptyWithHeadersOnlyAndRefusesRowsOfTheWrongWidth() {
        TextTable table = new TextTable("A", "B");
        assertTrue(table.isEmpty());
        assertThrows(IllegalArgumentException.class, () -> table.row("only one"));
    }
}
