package io.tributary.media.amf;

import static io.tributary.media.Hex.bytes;

import io.tributary.media.amf.AmfValue.AmfDate;
import io.tributary.media.amf.AmfValue.AmfEcmaArray;
import io.tributary.media.amf.AmfValue.AmfObject;
import io.tributary.media.amf.AmfValue.AmfStrictArray;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One table of AMF0 values and their exact bytes, read by the decode, encode and robustness tests. */
final class Amf0Cases {

    record Case(String name, byte[] bytes, AmfValue value) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String LONG_TEXT = "a".repeat(70_000);

    /** Values whose bytes are exactly what {@link Amf0Writer} writes: decode and encode both hold. */
    static List<Case> canonical() {
        return List.of(
                new Case("number 0", bytes(
                        "00",                   // marker: number
                        "0000000000000000"),    // IEEE-754 double 0.0
                        AmfValue.number(0)),
                new Case("number 1.5", bytes(
                        "00",                   // marker: number
                        "3FF8000000000000"),    // 1.5
                        AmfValue.number(1.5)),
                new Case("number NaN", bytes(
                        "00",                   // marker: number
                        "7FF8000000000000"),    // canonical NaN
                        AmfValue.number(Double.NaN)),
                new Case("boolean true", bytes(
                        "01",                   // marker: boolean
                        "01"),                  // true
                        AmfValue.bool(true)),
                new Case("boolean false", bytes(
                        "01",                   // marker: boolean
                        "00"),                  // false
                        AmfValue.bool(false)),
                new Case("empty string", bytes(
                        "02",                   // marker: string
                        "0000"),                // length 0
                        AmfValue.string("")),
                new Case("string onMetaData", bytes(
                        "02",                   // marker: string
                        "000A",                 // length 10
                        "6F6E4D65746144617461"), // "onMetaData"
                        AmfValue.string("onMetaData")),
                new Case("string with two-byte UTF-8", bytes(
                        "02",                   // marker: string
                        "0003",                 // length 3 bytes
                        "C3A9 61"),             // "éa"
                        AmfValue.string("éa")),
                new Case("long string", bytes(
                        "0C",                   // marker: long string (over 65535 bytes)
                        "00011170",             // length 70000
                        "61".repeat(70_000)),   // "aaa…"
                        AmfValue.string(LONG_TEXT)),
                new Case("null", bytes(
                        "05"),                  // marker: null
                        AmfValue.NULL),
                new Case("undefined", bytes(
                        "06"),                  // marker: undefined
                        AmfValue.UNDEFINED),
                new Case("empty object", bytes(
                        "03",                   // marker: object
                        "0000", "09"),          // empty name, object-end
                        new AmfObject(Map.of())),
                new Case("connect command object", bytes(
                        "03",                   // marker: object
                        "0003", "617070",       // name "app"
                        "02", "0004", "6C697665", // string "live"
                        "0008", "666C617368566572", // name "flashVer"
                        "02", "0008", "464D4C452F332E30", // string "FMLE/3.0"
                        "0000", "09"),          // empty name, object-end
                        new AmfObject(props("app", AmfValue.string("live"), "flashVer", AmfValue.string("FMLE/3.0")))),
                new Case("nested object", bytes(
                        "03",                   // marker: object
                        "0001", "61",           // name "a"
                        "03",                   // marker: object
                        "0001", "62",           // name "b"
                        "00", "3FF0000000000000", // number 1
                        "0000", "09",           // inner object-end
                        "0000", "09"),          // outer object-end
                        new AmfObject(props("a", new AmfObject(props("b", AmfValue.number(1)))))),
                new Case("typed object", bytes(
                        "10",                   // marker: typed object
                        "0005", "5468696E67",   // class name "Thing"
                        "0001", "78",           // name "x"
                        "00", "4000000000000000", // number 2
                        "0000", "09"),          // object-end
                        new AmfObject("Thing", props("x", AmfValue.number(2)))),
                new Case("ECMA array (onMetaData)", bytes(
                        "08",                   // marker: ECMA array
                        "00000002",             // associative count 2
                        "0008", "6475726174696F6E", // name "duration"
                        "00", "0000000000000000", // number 0
                        "0005", "7769647468",   // name "width"
                        "00", "4084000000000000", // number 640
                        "0000", "09"),          // object-end
                        new AmfEcmaArray(props("duration", AmfValue.number(0), "width", AmfValue.number(640)))),
                new Case("empty ECMA array", bytes(
                        "08",                   // marker: ECMA array
                        "00000000",             // associative count 0
                        "0000", "09"),          // object-end
                        new AmfEcmaArray(Map.of())),
                new Case("strict array", bytes(
                        "0A",                   // marker: strict array
                        "00000003",             // count 3
                        "00", "3FF0000000000000", // number 1
                        "02", "0001", "61",     // string "a"
                        "05"),                  // null
                        new AmfStrictArray(List.of(AmfValue.number(1), AmfValue.string("a"), AmfValue.NULL))),
                new Case("date", bytes(
                        "0B",                   // marker: date
                        "4272D3EDFA400000",     // 1293840000000 ms = 2011-01-01T00:00:00Z
                        "0000"),                // time zone (reserved, 0)
                        new AmfDate(1_293_840_000_000d)));
    }

    /** Bytes other encoders write that decode to a value {@link Amf0Writer} would write differently. */
    static List<Case> decodeOnly() {
        return List.of(
                new Case("XML document as string", bytes(
                        "0F",                   // marker: XML document
                        "00000003",             // length 3
                        "3C612F"),              // "<a/"
                        AmfValue.string("<a/")),
                new Case("boolean 2 is true", bytes(
                        "01",                   // marker: boolean
                        "02"),                  // any non-zero byte
                        AmfValue.bool(true)),
                new Case("ECMA array count is only a hint", bytes(
                        "08",                   // marker: ECMA array
                        "00000063",             // associative count 99 (wrong)
                        "0001", "61",           // name "a"
                        "05",                   // null
                        "0000", "09"),          // object-end
                        new AmfEcmaArray(props("a", AmfValue.NULL))),
                new Case("date time zone is ignored", bytes(
                        "0B",                   // marker: date
                        "0000000000000000",     // epoch
                        "FF88"),                // time zone -120 minutes
                        new AmfDate(0)),
                new Case("AMF3 integer after the avmplus-object marker", bytes(
                        "11",                   // marker: avmplus-object, one AMF3 value follows
                        "04",                   // AMF3 marker: integer
                        "05"),                  // U29 5
                        AmfValue.number(5)),
                new Case("AMF3 value inside an AMF0 object", bytes(
                        "03",                   // marker: object
                        "0001", "61",           // name "a"
                        "11",                   // avmplus-object
                        "06", "05", "6F6B",     // AMF3 string, U29 (2 << 1 | 1), "ok"
                        "0000", "09"),          // object-end
                        new AmfValue.AmfObject(props("a", AmfValue.string("ok")))),
                new Case("reference resolves to an earlier object", bytes(
                        "0A",                   // marker: strict array (complex value #0)
                        "00000002",             // count 2
                        "03",                   // marker: object (complex value #1)
                        "0001", "61",           // name "a"
                        "00", "3FF0000000000000", // number 1
                        "0000", "09",           // object-end
                        "07", "0001"),          // reference to complex value #1
                        new AmfStrictArray(List.of(
                                new AmfObject(props("a", AmfValue.number(1))),
                                new AmfObject(props("a", AmfValue.number(1)))))));
    }

    static Map<String, AmfValue> props(Object... nameValues) {
        Map<String, AmfValue> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            m.put((String) nameValues[i], (AmfValue) nameValues[i + 1]);
        }
        return m;
    }

    private Amf0Cases() {
    }
}
