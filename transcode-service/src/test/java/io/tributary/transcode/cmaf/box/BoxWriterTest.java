package io.tributary.transcode.cmaf.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BoxWriterTest {

    @Test
    void patchesTheSizeOfNestedBoxes() {
        BoxWriter w = new BoxWriter(1);
        w.box("moof", () -> w.fullBox("mfhd", 0, 0, () -> w.u32(7)));
        assertEquals(HexFields.hex("""
                00000018 6d6f6f66 // size 24, 'moof'
                00000010 6d666864 // size 16, 'mfhd'
                00 000000         // version 0, flags 0
                00000007          // sequence_number 7
                """), HexFields.hex(w.toByteArray()));
    }

    @Test
    void rejectsValuesThatDoNotFitTheirField() {
        BoxWriter w = new BoxWriter();
        assertThrows(IllegalArgumentException.class, () -> w.u8(256));
        assertThrows(IllegalArgumentException.class, () -> w.u16(-1));
        assertThrows(IllegalArgumentException.class, () -> w.u24(0x100_0000));
        assertThrows(IllegalArgumentException.class, () -> w.u32(0x1_0000_0000L));
        assertThrows(IllegalArgumentException.class, () -> w.i16(40_000));
        assertThrows(IllegalArgumentException.class, () -> w.u64(-1));
        assertEquals(0, w.size());
    }

    @Test
    void rejectsFourCharacterCodesOfOtherLengths() {
        BoxWriter w = new BoxWriter();
        assertThrows(IllegalArgumentException.class, () -> w.fourCc("url"));
        assertThrows(IllegalArgumentException.class, () -> w.fourCc("avc1x"));
        assertThrows(IllegalArgumentException.class, () -> w.fourCc("av\u00e91"));
    }

    static Stream<Arguments> descriptorSizes() {
        return Stream.of(
                Arguments.of(0, "00"),
                Arguments.of(127, "7f"),      // largest one-byte size
                Arguments.of(128, "8100"),    // 1 << 7: continuation bit, then 0
                Arguments.of(16_383, "ff7f"),
                Arguments.of(16_384, "818000"));
    }

    @ParameterizedTest
    @MethodSource("descriptorSizes")
    void writesDescriptorSizesInTheShortestExpandableForm(int size, String hex) {
        BoxWriter w = new BoxWriter();
        EsdsBox.writeExpandableSize(w, size);
        assertEquals(hex, HexFields.hex(w.toByteArray()));
    }
}
