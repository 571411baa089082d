package io.tributary.transcode.cmaf.box;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The boxes of a CMAF header ('ftyp', 'moov' and its descendants), checked field by field. */
class MovieBoxesTest {
    private static final String IDENTITY_MATRIX = """
            00010000 00000000 00000000 // matrix a b u: 1.0 0 0
            00000000 00010000 00000000 // matrix c d v: 0 1.0 0
            00000000 00000000 40000000 // matrix x y w: 0 0 1.0 (2.30)
            """;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("ftyp", new FtypBox("iso6", 0, List.of("iso6", "cmfc", "mp41")), """
                        0000001c 66747970 // size 28, 'ftyp'
                        69736f36          // major_brand 'iso6'
                        00000000          // minor_version 0
                        69736f36          // compatible_brands 'iso6'
                        636d6663          //                   'cmfc'
                        6d703431          //                   'mp41'
                        """),
                Arguments.of("mvhd", new MvhdBox(1000, 0, 2), """
                        0000006c 6d766864 // size 108, 'mvhd'
                        00 000000         // version 0, flags 0
                        00000000          // creation_time
                        00000000          // modification_time
                        000003e8          // timescale 1000
                        00000000          // duration 0 (fragmented)
                        00010000          // rate 1.0
                        0100              // volume 1.0
                        0000              // reserved
                        00000000 00000000 // reserved[2]
                        """ + IDENTITY_MATRIX + """
                        00000000 00000000 00000000 00000000 00000000 00000000 // pre_defined[6]
                        00000002          // next_track_ID 2
                        """),
                Arguments.of("tkhd video", new TkhdBox(1, 0, 0, 320, 240), """
                        0000005c 746b6864 // size 92, 'tkhd'
                        00 000003         // version 0, flags track_enabled | track_in_movie
                        00000000          // creation_time
                        00000000          // modification_time
                        00000001          // track_ID 1
                        00000000          // reserved
                        00000000          // duration 0
                        00000000 00000000 // reserved[2]
                        0000              // layer 0
                        0000              // alternate_group 0
                        0000              // volume 0 (video)
                        0000              // reserved
                        """ + IDENTITY_MATRIX + """
                        01400000          // width 320.0 (16.16)
                        00f00000          // height 240.0 (16.16)
                        """),
                Arguments.of("tkhd audio", new TkhdBox(1, 0, 0x0100, 0, 0), """
                        0000005c 746b6864 // size 92, 'tkhd'
                        00 000003         // version 0, flags track_enabled | track_in_movie
                        00000000 00000000 // creation_time, modification_time
                        00000001          // track_ID 1
                        00000000          // reserved
                        00000000          // duration 0
                        00000000 00000000 // reserved[2]
                        0000 0000         // layer, alternate_group
                        0100              // volume 1.0 (audio)
                        0000              // reserved
                        """ + IDENTITY_MATRIX + """
                        00000000 00000000 // width 0, height 0
                        """),
                Arguments.of("mdhd", new MdhdBox(90_000, 0, "und"), """
                        00000020 6d646864 // size 32, 'mdhd'
                        00 000000         // version 0, flags 0
                        00000000          // creation_time
                        00000000          // modification_time
                        00015f90          // timescale 90000
                        00000000          // duration 0
                        55c4              // pad 0, language 'und' = (0x15, 0x0e, 0x04) in 5-bit letters
                        0000              // pre_defined
                        """),
                Arguments.of("hdlr", new HdlrBox("vide", "VideoHandler"), """
                        0000002d 68646c72 // size 45, 'hdlr'
                        00 000000         // version 0, flags 0
                        00000000          // pre_defined
                        76696465          // handler_type 'vide'
                        00000000 00000000 00000000 // reserved[3]
                        566964656f48616e646c6572 00 // name "VideoHandler", null-terminated
                        """),
                Arguments.of("vmhd", new VmhdBox(), """
                        00000014 766d6864 // size 20, 'vmhd'
                        00 000001         // version 0, flags 1
                        0000              // graphicsmode 0 (copy)
                        0000 0000 0000    // opcolor
                        """),
                Arguments.of("smhd", new SmhdBox(), """
                        00000010 736d6864 // size 16, 'smhd'
                        00 000000         // version 0, flags 0
                        0000              // balance 0 (centre)
                        0000              // reserved
                        """),
                Arguments.of("dinf", new DinfBox(), """
                        00000024 64696e66 // size 36, 'dinf'
                        0000001c 64726566 // size 28, 'dref'
                        00 000000         // version 0, flags 0
                        00000001          // entry_count 1
                        0000000c 75726c20 // size 12, 'url '
                        00 000001         // version 0, flags 1: media in this file
                        """),
                Arguments.of("trex", new TrexBox(1), """
                        00000020 74726578 // size 32, 'trex'
                        00 000000         // version 0, flags 0
                        00000001          // track_ID 1
                        00000001          // default_sample_description_index 1
                        00000000          // default_sample_duration 0
                        00000000          // default_sample_size 0
                        00000000          // default_sample_flags 0
                        """),
                Arguments.of("mvex", new MvexBox(new TrexBox(1)), """
                        00000028 6d766578 // size 40, 'mvex'
                        00000020 74726578 // size 32, 'trex'
                        00 000000         // version 0, flags 0
                        00000001 00000001 // track_ID 1, default_sample_description_index 1
                        00000000 00000000 00000000 // default duration, size, flags
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
