package io.tributary.transcode.cmaf.box;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The boxes of a CMAF media segment ('styp', 'moof' and its descendants, 'mdat'), checked field by field. */
class FragmentBoxesTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("styp", new StypBox("cmfs", 0, List.of("cmfs", "msdh")), """
                        00000018 73747970 // size 24, 'styp'
                        636d6673          // major_brand 'cmfs'
                        00000000          // minor_version 0
                        636d6673 6d736468 // compatible_brands 'cmfs' 'msdh'
                        """),
                Arguments.of("mfhd", new MfhdBox(1), """
                        00000010 6d666864 // size 16, 'mfhd'
                        00 000000         // version 0, flags 0
                        00000001          // sequence_number 1
                        """),
                Arguments.of("tfhd", new TfhdBox(1), """
                        00000010 74666864 // size 16, 'tfhd'
                        00 020000         // version 0, flags default-base-is-moof
                        00000001          // track_ID 1
                        """),
                Arguments.of("tfdt", new TfdtBox(0x1_0000_0005L), """
                        00000014 74666474 // size 20, 'tfdt'
                        01 000000         // version 1 (64-bit time), flags 0
                        00000001 00000005 // baseMediaDecodeTime 4294967301 (past 32 bits)
                        """),
                Arguments.of("trun video", new TrunBox(112, List.of(
                        new TrunBox.Entry(3000, 100, SampleFlags.SYNC, 6000),
                        new TrunBox.Entry(3000, 20, SampleFlags.NON_SYNC, -3000))), """
                        00000034 7472756e // size 52, 'trun'
                        01 000f01         // version 1, flags data-offset | duration | size | flags | cto present
                        00000002          // sample_count 2
                        00000070          // data_offset 112
                        00000bb8          // sample 1: duration 3000
                        00000064          //           size 100
                        02000000          //           flags: depends_on 2 (I picture), sync
                        00001770          //           composition offset +6000
                        00000bb8          // sample 2: duration 3000
                        00000014          //           size 20
                        01010000          //           flags: depends_on 1, is_non_sync_sample 1
                        fffff448          //           composition offset -3000 (signed, version 1)
                        """),
                Arguments.of("trun audio", new TrunBox(96, List.of(
                        new TrunBox.Entry(1024, 6, SampleFlags.SYNC, 0),
                        new TrunBox.Entry(1024, 7, SampleFlags.SYNC, 0))), """
                        00000024 7472756e // size 36, 'trun'
                        01 000301         // version 1, flags data-offset | duration | size (flags from 'trex')
                        00000002          // sample_count 2
                        00000060          // data_offset 96
                        00000400 00000006 // sample 1: duration 1024, size 6
                        00000400 00000007 // sample 2: duration 1024, size 7
                        """),
                Arguments.of("mdat", new MdatBox(List.of(new byte[] {1, 2}, new byte[] {3})), """
                        0000000b 6d646174 // size 11, 'mdat'
                        0102              // sample 1
                        03                // sample 2
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writesTheSpecifiedBytes(String name, Box box, String vector) {
        assertEquals(HexFields.hex(vector), HexFields.hex(box.toByteArray()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vectorIsOneBoxWhoseSizeIsItsLength(String name, Box box, String vector) {
        byte[] bytes = HexFields.bytes(vector);
        List<BoxTree.Node> boxes = BoxTree.parse(bytes);
        assertEquals(1, boxes.size());
        assertEquals(bytes.length, boxes.get(0).size());
        assertEquals(name.split(" ")[0], boxes.get(0).type());
    }
}
