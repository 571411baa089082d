package io.tributary.media.amf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.amf.AmfValue.AmfStrictArray;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class Amf0WriterLimitTest {

    @Test
    void writesUpToItsLimit() {
        // string marker, u16 length, 3 bytes
        assertEquals(6, new Amf0Writer(6).write(AmfValue.string("abc")).toByteArray().length);
    }

    @Test
    void refusesToSpellOutASharedValueBeyondItsLimit() {
        // what AMF references make cheap to read: one 100 KB string reached a thousand times (100 MB of AMF0)
        AmfValue shared = AmfValue.string("x".repeat(100_000));
        AmfValue many = new AmfStrictArray(Collections.nCopies(1000, shared));
        AmfException e = assertThrows(AmfException.class, () -> new Amf0Writer(1 << 20).write(many));
        assertTrue(e.getMessage().contains("over its limit"), e.getMessage());
    }
}
