package io.tributary.media.amf;

import static io.tributary.media.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.amf.Amf3Cases.Case;
import io.tributary.media.amf.AmfValue.AmfByteArray;
import io.tributary.media.amf.AmfValue.AmfEcmaArray;
import io.tributary.media.amf.AmfValue.AmfObject;
import io.tributary.media.amf.AmfValue.AmfStrictArray;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Amf3ReaderTest {

    static Stream<Case> cases() {
        return Amf3Cases.all().stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void decodesEachTableCaseExactly(Case c) {
        Amf3Reader reader = new Amf3Reader(c.bytes(), 0, c.bytes().length, 8);
        assertEquals(comparable(c.value()), comparable(reader.read()));
        assertFalse(reader.hasRemaining(), "all bytes consumed");
        assertEquals(c.bytes().length, reader.position());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void decodesEachTableCaseInsideOtherBytes(Case c) {
        byte[] padded = new byte[c.bytes().length + 7];
        System.arraycopy(c.bytes(), 0, padded, 3, c.bytes().length);
        Amf3Reader reader = new Amf3Reader(padded, 3, c.bytes().length, 8);
        assertEquals(comparable(c.value()), comparable(reader.read()));
        assertEquals(3 + c.bytes().length, reader.position());
    }

    @Test
    void readsAllValuesOfASequenceSharingReferenceTables() {
        byte[] b = bytes(
                "06 07 617070",         // "app", string #0
                "06 00",                // string reference #0
                "0A 0B 01 01",          // {} (object #0)
                "0A 00");               // object reference #0
        List<AmfValue> values = new Amf3Reader(b, 0, b.length, 8).readAll();
        assertEquals(List.of(AmfValue.string("app"), AmfValue.string("app"), new AmfObject(Map.of()),
                new AmfObject(Map.of())), values);
    }

    @Test
    void keepsWireOrderOfDynamicMembers() {
        byte[] b = bytes("0A 0B 01", "03 7A 04 01", "03 61 04 02", "03 6D 04 03", "01");
        AmfObject o = (AmfObject) new Amf3Reader(b, 0, b.length, 8).read();
        assertEquals(List.of("z", "a", "m"), List.copyOf(o.properties().keySet()));
    }

    @Test
    void rejectsDictionary() {
        assertRejected(bytes("11 03 00 04 01 04 02"), "dictionary");
    }

    @Test
    void rejectsExternalizableObject() {
        assertRejected(bytes("0A 07 05 4142"), "externalizable");
    }

    @Test
    void rejectsUnknownMarker() {
        assertRejected(bytes("12"), "unknown AMF3 marker");
    }

    @Test
    void rejectsStringReferenceBeyondTable() {
        assertRejected(bytes("06 00"), "string reference");
    }

    @Test
    void rejectsObjectReferenceBeyondTable() {
        assertRejected(bytes("0A 00"), "object reference");
    }

    @Test
    void rejectsTraitsReferenceBeyondTable() {
        assertRejected(bytes("0A 01"), "traits reference");
    }

    @Test
    void rejectsCyclicReference() {
        // array #0 whose only element references array #0
        assertRejected(bytes("09 03 01 09 00"), "cycle");
    }

    @Test
    void rejectsNestingDeeperThanLimit() {
        // 9 arrays, each the only element of the previous one
        byte[] b = bytes("09 03 01".repeat(9) + "09 01 01");
        assertRejected(b, "nests deeper");
        AmfValue v = new Amf3Reader(b, 0, b.length, 10).read();
        assertTrue(v instanceof AmfStrictArray);
    }

    @Test
    void rejectsReferenceThatWouldNestDeeperThanLimit() {
        // array #0 [array #1 [array #2 []], array #3 [ref #1]]: the reference sits at depth 2 and has height 2
        byte[] b = bytes("09 05 01", "09 03 01 09 01 01", "09 03 01 09 02");
        assertRejected(b, "nests deeper", 3);
        assertEquals(4, height(new Amf3Reader(b, 0, b.length, 4).read()));
    }

    @Test
    void rejectsDeepNestingWithoutStackOverflow() {
        byte[] b = bytes("0A 0B 01 03 61".repeat(100_000));
        assertRejected(b, "nests deeper", 32);
    }

    @Test
    void rejectsStringLengthBeyondRemainingBytesBeforeAllocating() {
        assertRejected(bytes("06 FF FF FF FF"), "truncated");
    }

    @Test
    void rejectsByteArrayLengthBeyondRemainingBytes() {
        assertRejected(bytes("0C BF FF FF FF 00"), "truncated");
    }

    @Test
    void rejectsArrayCountBeyondRemainingBytes() {
        assertRejected(bytes("09 BF FF FF FF 01 04 01"), "claims");
    }

    @Test
    void rejectsSealedMemberCountBeyondRemainingBytes() {
        assertRejected(bytes("0A BF FF FF F3 01 03 78"), "claims");
    }

    @Test
    void rejectsVectorCountBeyondRemainingBytes() {
        // 3 ints announced, 8 bytes left
        assertRejected(bytes("0D 07 00 00000001 00000002"), "claims");
    }

    @Test
    void rejectsExponentialExpansionThroughReferences() {
        // array #1 = [1, 1]; array #k+1 = [ref #k, ref #k]: 24 doublings, a few dozen bytes, 2^25 nodes
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(bytes("09 31 01"));          // outer array (object #0), dense count 24
        b.writeBytes(bytes("09 05 01 04 01 04 01")); // object #1 = [1, 1]
        for (int k = 1; k < 24; k++) {
            b.writeBytes(bytes("09 05 01"));
            b.write(0x09);                        // marker: array
            b.write(k << 1);                      // U29: object reference #k
            b.write(0x09);
            b.write(k << 1);
        }
        byte[] all = b.toByteArray();
        AmfException e = assertThrows(AmfException.class, () -> new Amf3Reader(all, 0, all.length, 32).read());
        assertTrue(e.getMessage().contains("expands"), e.getMessage());
    }

    @Test
    void failsWhenNoValueIsLeft() {
        assertThrows(AmfException.class, () -> new Amf3Reader(new byte[0], 0, 0, 8).read());
    }

    @Test
    void respectsTheGivenLength() {
        byte[] b = bytes("06 07 617070");
        assertRejected(new Amf3Reader(b, 0, 4, 8), "truncated");
    }

    @Test
    void copiesByteArrayOutOfTheBuffer() {
        byte[] b = bytes("0C 05 0A0B");
        AmfByteArray a = (AmfByteArray) new Amf3Reader(b, 0, b.length, 8).read();
        b[2] = 0;
        assertArrayEquals(new byte[] {0x0A, 0x0B}, a.bytes());
    }

    private static void assertRejected(byte[] b, String messagePart) {
        assertRejected(b, messagePart, 8);
    }

    private static void assertRejected(byte[] b, String messagePart, int maxDepth) {
        assertRejected(new Amf3Reader(b, 0, b.length, maxDepth), messagePart);
    }

    private static void assertRejected(Amf3Reader reader, String messagePart) {
        AmfException e = assertThrows(AmfException.class, reader::readAll);
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    private static int height(AmfValue v) {
        if (v instanceof AmfStrictArray a) {
            return 1 + a.values().stream().mapToInt(Amf3ReaderTest::height).max().orElse(0);
        }
        return 0;
    }

    /** Byte arrays compare by identity in records; compare their contents instead. */
    static Object comparable(AmfValue v) {
        if (v instanceof AmfByteArray b) {
            return List.of("bytes", io.tributary.media.Hex.of(b.bytes()));
        }
        if (v instanceof AmfStrictArray a) {
            return a.values().stream().map(Amf3ReaderTest::comparable).toList();
        }
        if (v instanceof AmfObject o) {
            return List.of(String.valueOf(o.className()), comparableMap(o.properties()));
        }
        if (v instanceof AmfEcmaArray a) {
            return List.of("ecma", comparableMap(a.properties()));
        }
        return v;
    }

    private static List<Object> comparableMap(Map<String, AmfValue> m) {
        return m.entrySet().stream().map(e -> (Object) List.of(e.getKey(), comparable(e.getValue()))).toList();
    }
}
