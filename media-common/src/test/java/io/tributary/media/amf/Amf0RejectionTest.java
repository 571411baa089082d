package io.tributary.media.amf;

import static io.tributary.media.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bytes a hostile or broken peer may send: each must end in an AmfException that says why. */
class Amf0RejectionTest {

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("unknown marker", bytes("12"), "unknown AMF0 marker 0x12"),
                Arguments.of("movie clip", bytes("04"), "reserved AMF0 marker 0x04"),
                Arguments.of("record set", bytes("0E"), "reserved AMF0 marker 0x0E"),
                Arguments.of("unsupported marker", bytes("0D"), "unsupported-type marker"),
                Arguments.of("AMF3 switch with nothing after it", bytes("11"), "AMF3"),
                Arguments.of("object end at top level", bytes("09"), "object-end marker outside an object"),
                Arguments.of("string longer than the data", bytes(
                        "02", "FFFF",           // string of 65535 bytes
                        "61"),                  // but one byte follows
                        "truncated"),
                Arguments.of("long string longer than the data", bytes(
                        "0C", "7FFFFFFF",       // long string of 2 GiB
                        "61"),
                        "claims 2147483647 bytes"),
                Arguments.of("strict array count beyond the data", bytes(
                        "0A", "FFFFFFFF",       // 4 billion elements
                        "05"),
                        "claims 4294967295 elements"),
                Arguments.of("ECMA array without its end", bytes(
                        "08", "7FFFFFFF",       // count hint
                        "0001", "61", "05"),    // one property, then nothing
                        "truncated"),
                Arguments.of("object without its end", bytes(
                        "03", "0001", "61", "05"),
                        "truncated"),
                Arguments.of("empty name not followed by object end", bytes(
                        "03", "0000", "05"),
                        "instead of object-end"),
                Arguments.of("number cut short", bytes("00", "3FF0"), "truncated"),
                Arguments.of("reference to nothing", bytes("07", "0000"), "complex value #0 of 0"),
                Arguments.of("reference to its own container", bytes(
                        "03",                   // object #0
                        "0001", "61",           // name "a"
                        "07", "0000",           // reference to #0: a cycle
                        "0000", "09"),
                        "a cycle"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejectsWithAReason(String name, byte[] bytes, String reason) {
        AmfException e = assertThrows(AmfException.class, () -> new Amf0Reader(bytes, 0, bytes.length, 8).readAll());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void rejectsNestingDeeperThanMaxDepth() {
        byte[] threeDeep = bytes(
                "03", "0001", "61",             // {a:
                "03", "0001", "62",             //   {b:
                "03", "0000", "09",             //     {}
                "0000", "09", "0000", "09");    //   } }
        assertEquals(3, depthOf(new Amf0Reader(threeDeep, 0, threeDeep.length, 3).read()));
        AmfException e = assertThrows(AmfException.class, () -> new Amf0Reader(threeDeep, 0, threeDeep.length,
                2).read());
        assertTrue(e.getMessage().contains("nests deeper than 2"), e.getMessage());
    }

    @Test
    void rejectsAStackOverflowAttemptWithoutAStackOverflow() {
        byte[] deep = new byte[200_000];
        for (int i = 0; i < deep.length; i += 5) {
            deep[i] = Amf0Marker.STRICT_ARRAY;
            deep[i + 1] = 0;
            deep[i + 2] = 0;
            deep[i + 3] = 0;
            deep[i + 4] = 1; // one element: the next array
        }
        assertThrows(AmfException.class, () -> new Amf0Reader(deep, 0, deep.length, 64).read());
    }

    @Test
    void rejectsAReferenceThatWouldNestDeeperThanMaxDepth() {
        byte[] b = bytes(
                "03", "0001", "61",             // #0 {a:
                "03", "0000", "09",             //   #1 {}
                "0000", "09",                   // }             height 2
                "03", "0001", "62",             // #2 {b:
                "07", "0000",                   //   ref #0       depth 1 + height 2 = 3
                "0000", "09");                  // }
        assertEquals(2, new Amf0Reader(b, 0, b.length, 3).readAll().size());
        AmfException e = assertThrows(AmfException.class, () -> new Amf0Reader(b, 0, b.length, 2).readAll());
        assertTrue(e.getMessage().contains("nests deeper than 2"), e.getMessage());
    }

    @Test
    void anAmf3ValueGetsOnlyWhatIsLeftOfTheDepthBudget() {
        byte[] b = bytes(
                "03", "0001", "61",             // AMF0 {a:
                "11", "0A", "0B", "01",         //   AMF3 dynamic anonymous object {
                "03", "62", "0A", "01", "01",   //     b: AMF3 {} (empty dynamic object)
                "01",                           //   }
                "0000", "09");                  // }
        assertEquals(1, new Amf0Reader(b, 0, b.length, 3).readAll().size());
        assertThrows(AmfException.class, () -> new Amf0Reader(b, 0, b.length, 2).readAll());
    }

    @Test
    void rejectsReferencesThatExpandExponentially() {
        // v0 = [], then each vk = [ref vk-1, ref vk-1]: 11 bytes each, but vk has 2^k leaves
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes("0A", "00000000"));
        for (int k = 1; k <= 40; k++) {
            out.writeBytes(bytes("0A", "00000002", "07"));
            out.write(0);
            out.write(k - 1);
            out.writeBytes(bytes("07"));
            out.write(0);
            out.write(k - 1);
        }
        byte[] b = out.toByteArray();
        AmfException e = assertThrows(AmfException.class, () -> new Amf0Reader(b, 0, b.length, 64).readAll());
        assertTrue(e.getMessage().contains("expands to more than"), e.getMessage());
    }

    private static int depthOf(AmfValue v) {
        if (v instanceof AmfValue.AmfObject o) {
            return 1 + o.properties().values().stream().mapToInt(Amf0RejectionTest::depthOf).max().orElse(0);
        }
        return 0;
    }
}
