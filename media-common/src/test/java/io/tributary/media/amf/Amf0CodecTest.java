package io.tributary.media.amf;

import static io.tributary.media.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.amf.Amf0Cases.Case;
import io.tributary.media.amf.AmfValue.AmfByteArray;
import io.tributary.media.amf.AmfValue.AmfObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Amf0CodecTest {

    static Stream<Case> canonical() {
        return Amf0Cases.canonical().stream();
    }

    static Stream<Case> decodable() {
        return Stream.concat(Amf0Cases.canonical().stream(), Amf0Cases.decodeOnly().stream());
    }

    @ParameterizedTest
    @MethodSource("decodable")
    void decodesTheTableBytesToTheTableValue(Case c) {
        Amf0Reader reader = new Amf0Reader(c.bytes(), 0, c.bytes().length, 8);
        assertEquals(c.value(), reader.read());
        assertFalse(reader.hasRemaining());
        assertEquals(c.bytes().length, reader.position());
    }

    @ParameterizedTest
    @MethodSource("canonical")
    void encodesTheTableValueToTheTableBytes(Case c) {
        assertArrayEquals(c.bytes(), new Amf0Writer().write(c.value()).toByteArray());
    }

    @Test
    void readsASequenceOfValuesAtAnOffsetAndReportsTheAbsolutePosition() {
        byte[] buf = bytes(
                "FFFF",                         // two bytes before the AMF data
                "02", "0007", "636F6E6E656374", // string "connect"
                "00", "3FF0000000000000",       // number 1 (transaction id)
                "05",                           // null
                "EE");                          // one byte after the AMF data
        Amf0Reader reader = new Amf0Reader(buf, 2, buf.length - 3, 4);
        assertEquals(List.of(AmfValue.string("connect"), AmfValue.number(1), AmfValue.NULL), reader.readAll());
        assertEquals(buf.length - 1, reader.position());
    }

    @Test
    void keepsPropertiesInWireOrder() {
        byte[] b = new Amf0Writer().write(new AmfObject(Amf0Cases.props(
                "z", AmfValue.number(1), "a", AmfValue.number(2), "m", AmfValue.number(3)))).toByteArray();
        AmfObject o = (AmfObject) new Amf0Reader(b, 0, b.length, 2).read();
        assertEquals(List.of("z", "a", "m"), new ArrayList<>(o.properties().keySet()));
    }

    @Test
    void rejectsReadingPastTheEnd() {
        AmfException e = assertThrows(AmfException.class, () -> new Amf0Reader(new byte[0], 0, 0, 4).read());
        assertTrue(e.getMessage().contains("no AMF0 value left"), e.getMessage());
    }

    @Test
    void rejectsByteArraysEmptyPropertyNamesAndJavaNulls() {
        assertThrows(AmfException.class, () -> new Amf0Writer().write(new AmfByteArray(new byte[1])));
        assertThrows(AmfException.class, () -> new Amf0Writer().write(new AmfObject(Map.of("", AmfValue.NULL))));
        assertThrows(AmfException.class, () -> new Amf0Writer().write(null));
        Map<String, AmfValue> withNull = new java.util.HashMap<>();
        withNull.put("a", null);
        assertThrows(AmfException.class, () -> new Amf0Writer().write(new AmfObject(withNull)));
    }
}
