package io.tributary.media.amf;

import static io.tributary.media.Hex.bytes;

import io.tributary.media.amf.AmfValue.AmfByteArray;
import io.tributary.media.amf.AmfValue.AmfDate;
import io.tributary.media.amf.AmfValue.AmfEcmaArray;
import io.tributary.media.amf.AmfValue.AmfObject;
import io.tributary.media.amf.AmfValue.AmfStrictArray;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One table of AMF3 values and their exact bytes, read by the decode and robustness tests. */
final class Amf3Cases {

    record Case(String name, byte[] bytes, AmfValue value) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> all() {
        return List.of(
                new Case("undefined", bytes("00"), AmfValue.UNDEFINED),
                new Case("null", bytes("01"), AmfValue.NULL),
                new Case("false", bytes("02"), AmfValue.bool(false)),
                new Case("true", bytes("03"), AmfValue.bool(true)),
                new Case("integer 0", bytes(
                        "04",                   // marker: integer
                        "00"),                  // U29: 0
                        AmfValue.number(0)),
                new Case("integer 127, largest one-byte U29", bytes(
                        "04",                   // marker: integer
                        "7F"),                  // U29: 127
                        AmfValue.number(127)),
                new Case("integer 128, two-byte U29", bytes(
                        "04",                   // marker: integer
                        "81 00"),               // U29: 1 << 7 | 0
                        AmfValue.number(128)),
                new Case("integer 16384, three-byte U29", bytes(
                        "04",                   // marker: integer
                        "81 80 00"),            // U29: 1 << 14
                        AmfValue.number(16384)),
                new Case("integer 2097152, four-byte U29", bytes(
                        "04",                   // marker: integer
                        "80 C0 80 00"),         // U29: 7+7+7 bits then a full byte: 0x200000
                        AmfValue.number(0x20_0000)),
                new Case("integer 268435455, largest", bytes(
                        "04",                   // marker: integer
                        "BF FF FF FF"),         // U29: 0x0FFFFFFF
                        AmfValue.number(0x0FFF_FFFF)),
                new Case("integer -1", bytes(
                        "04",                   // marker: integer
                        "FF FF FF FF"),         // U29: 0x1FFFFFFF, sign bit 28 set
                        AmfValue.number(-1)),
                new Case("integer -268435456, smallest", bytes(
                        "04",                   // marker: integer
                        "C0 80 80 00"),         // U29: 0x10000000
                        AmfValue.number(-0x1000_0000)),
                new Case("double 1.5", bytes(
                        "05",                   // marker: double
                        "3FF8000000000000"),    // IEEE-754 1.5
                        AmfValue.number(1.5)),
                new Case("empty string", bytes(
                        "06",                   // marker: string
                        "01"),                  // U29S: length 0, inline
                        AmfValue.string("")),
                new Case("string app", bytes(
                        "06",                   // marker: string
                        "07",                   // U29S: length 3 << 1 | inline
                        "617070"),              // "app"
                        AmfValue.string("app")),
                new Case("string with two-byte UTF-8", bytes(
                        "06",                   // marker: string
                        "07",                   // U29S: 3 bytes
                        "C3A9 61"),             // "éa"
                        AmfValue.string("éa")),
                new Case("xml document", bytes(
                        "07",                   // marker: XMLDocument
                        "07",                   // U29X: 3 bytes, inline
                        "3C613E"),              // "<a>"
                        AmfValue.string("<a>")),
                new Case("xml", bytes(
                        "0B",                   // marker: XML
                        "09",                   // U29X: 4 bytes, inline
                        "3C622F3E"),            // "<b/>"
                        AmfValue.string("<b/>")),
                new Case("date", bytes(
                        "08",                   // marker: date
                        "01",                   // U29D: inline
                        "4270000000000000"),    // 2^40 ms since the epoch
                        new AmfDate(1099511627776.0)),
                new Case("byte array", bytes(
                        "0C",                   // marker: byte array
                        "07",                   // U29B: 3 bytes, inline
                        "010203"),              // the bytes
                        new AmfByteArray(new byte[] {1, 2, 3})),
                new Case("dense array", bytes(
                        "09",                   // marker: array
                        "07",                   // U29A: dense count 3, inline
                        "01",                   // associative part: empty name ends it
                        "04 01", "04 02", "04 03"), // integers 1, 2, 3
                        new AmfStrictArray(List.of(AmfValue.number(1), AmfValue.number(2), AmfValue.number(3)))),
                new Case("array with associative part", bytes(
                        "09",                   // marker: array
                        "03",                   // U29A: dense count 1, inline
                        "03 61", "04 01",       // "a" = 1
                        "01",                   // end of associative part
                        "04 02"),               // dense [0] = 2
                        new AmfEcmaArray(props("a", AmfValue.number(1), "0", AmfValue.number(2)))),
                new Case("string reference", bytes(
                        "09",                   // marker: array
                        "05",                   // U29A: dense count 2, inline
                        "01",                   // no associative part
                        "06 05 6162",           // string "ab", becomes string #0
                        "06 00"),               // string reference #0
                        new AmfStrictArray(List.of(AmfValue.string("ab"), AmfValue.string("ab")))),
                new Case("anonymous dynamic object", bytes(
                        "0A",                   // marker: object
                        "0B",                   // U29O: inline object, inline traits, dynamic, 0 sealed members
                        "01",                   // class name "" (anonymous)
                        "07 617070",            // dynamic member name "app"
                        "06 09 6C697665",       // string "live"
                        "01"),                  // empty name ends the dynamic members
                        new AmfObject(props("app", AmfValue.string("live")))),
                new Case("typed object with sealed members", bytes(
                        "0A",                   // marker: object
                        "23",                   // U29O: inline, inline traits, not dynamic, 2 sealed members
                        "05 5074",              // class name "Pt"
                        "03 78", "03 79",       // sealed names "x", "y"
                        "04 01", "04 02"),      // x = 1, y = 2
                        new AmfObject("Pt", props("x", AmfValue.number(1), "y", AmfValue.number(2)))),
                new Case("traits reference", bytes(
                        "09 05 01",             // array, dense count 2, no associative part
                        "0A 23 05 5074 03 78 03 79 04 01 04 02", // Pt{x=1, y=2}, traits #0
                        "0A 01",                // object with traits reference #0
                        "04 03", "04 04"),      // x = 3, y = 4
                        new AmfStrictArray(List.of(
                                new AmfObject("Pt", props("x", AmfValue.number(1), "y", AmfValue.number(2))),
                                new AmfObject("Pt", props("x", AmfValue.number(3), "y", AmfValue.number(4)))))),
                new Case("object reference", bytes(
                        "09 05 01",             // array (object #0), dense count 2
                        "0A 0B 01 01",          // empty anonymous dynamic object (object #1)
                        "0A 02"),               // object reference #1
                        new AmfStrictArray(List.of(new AmfObject(Map.of()), new AmfObject(Map.of())))),
                new Case("nested objects", bytes(
                        "0A 0B 01",             // anonymous dynamic object
                        "03 61",                // name "a"
                        "0A 0B 01",             // anonymous dynamic object
                        "03 62", "04 01",       // "b" = 1
                        "01",                   // end inner
                        "01"),                  // end outer
                        new AmfObject(props("a", new AmfObject(props("b", AmfValue.number(1)))))),
                new Case("vector of int", bytes(
                        "0D",                   // marker: Vector.<int>
                        "05",                   // U29V: 2 items, inline
                        "00",                   // not fixed-length
                        "FFFFFFFF", "00000002"), // -1, 2
                        new AmfStrictArray(List.of(AmfValue.number(-1), AmfValue.number(2)))),
                new Case("vector of uint", bytes(
                        "0E",                   // marker: Vector.<uint>
                        "03", "01",             // 1 item, fixed-length
                        "FFFFFFFF"),            // 4294967295
                        new AmfStrictArray(List.of(AmfValue.number(4294967295.0)))),
                new Case("vector of double", bytes(
                        "0F",                   // marker: Vector.<Number>
                        "03", "00",             // 1 item
                        "3FF8000000000000"),    // 1.5
                        new AmfStrictArray(List.of(AmfValue.number(1.5)))),
                new Case("vector of object", bytes(
                        "10",                   // marker: Vector.<Object>
                        "05", "00",             // 2 items
                        "03 2A",                // item type name "*"
                        "06 03 61",             // "a"
                        "04 01"),               // 1
                        new AmfStrictArray(List.of(AmfValue.string("a"), AmfValue.number(1)))));
    }

    static Map<String, AmfValue> props(Object... nameValue) {
        Map<String, AmfValue> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put((String) nameValue[i], (AmfValue) nameValue[i + 1]);
        }
        return m;
    }

    private Amf3Cases() {
    }
}
