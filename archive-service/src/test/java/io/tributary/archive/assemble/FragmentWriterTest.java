package io.tributary.archive.assemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FragmentWriterTest {
    private static final byte[] VIDEO_1 = {(byte) 0xAA, (byte) 0xBB};
    private static final byte[] VIDEO_2 = {(byte) 0xCC};
    private static final byte[] AUDIO_1 = {0x11, 0x22, 0x33};

    /** One table: (case, expected bytes, fragment). */
    static Stream<Arguments> fragments() {
        return Stream.of(
                Arguments.of("video with a B-frame delay, then audio",
                        hex("""
                                000000c0 6d6f6f66                   -- moof, 192 bytes
                                00000010 6d666864 00000000          -- mfhd, version 0, flags 0
                                00000005                            -- sequence_number 5
                                00000060 74726166                   -- traf (video), 96 bytes
                                00000010 74666864 00020000          -- tfhd, default-base-is-moof
                                00000001                            -- track_ID 1
                                00000014 74666474 01000000          -- tfdt, version 1
                                0000000000015f90                    -- baseMediaDecodeTime 90000
                                00000034 7472756e 00000f01          -- trun, version 0, offset+duration+size+flags+cts
                                00000002                            -- sample_count 2
                                000000c8                            -- data_offset 200: moof + mdat header
                                00000bb8 00000002 02000000 00001770 -- 3000 ticks, 2 bytes, sync, cts 6000
                                00000bb8 00000001 01010000 00000000 -- 3000 ticks, 1 byte, non-sync, cts 0
                                00000048 74726166                   -- traf (audio), 72 bytes
                                00000010 74666864 00020000          -- tfhd, default-base-is-moof
                                00000002                            -- track_ID 2
                                00000014 74666474 01000000          -- tfdt, version 1
                                000000000000bb80                    -- baseMediaDecodeTime 48000
                                0000001c 7472756e 00000301          -- trun, version 0, offset+duration+size
                                00000001                            -- sample_count 1
                                000000cb                            -- data_offset 203: after the video samples
                                00000400 00000003                   -- 1024 ticks, 3 bytes
                                0000000e 6d646174                   -- mdat, 14 bytes
                                aabb cc                             -- video samples
                                112233                              -- audio sample
                                """),
                        new Fragment(5, List.of(
                                new TrackRun(ArchiveTracks.VIDEO_TRACK_ID, 90_000, List.of(
                                        new Mp4Sample(3000, VIDEO_1, true, 6000),
                                        new Mp4Sample(3000, VIDEO_2, false, 0))),
                                new TrackRun(ArchiveTracks.AUDIO_TRACK_ID, 48_000, List.of(
                                        new Mp4Sample(1024, AUDIO_1, true, 0)))))),
                Arguments.of("a negative CompositionTime makes trun version 1",
                        hex("""
                                00000068 6d6f6f66                   -- moof, 104 bytes
                                00000010 6d666864 00000000          -- mfhd
                                00000001                            -- sequence_number 1
                                00000050 74726166                   -- traf, 80 bytes
                                00000010 74666864 00020000          -- tfhd, default-base-is-moof
                                00000001                            -- track_ID 1
                                00000014 74666474 01000000          -- tfdt, version 1
                                0000000000000000                    -- baseMediaDecodeTime 0
                                00000024 7472756e 01000f01          -- trun, version 1
                                00000001                            -- sample_count 1
                                00000070                            -- data_offset 112
                                00000bb8 00000001 02000000 fffff448 -- 3000 ticks, 1 byte, sync, cts -3000
                                00000009 6d646174                   -- mdat, 9 bytes
                                cc                                  -- the sample
                                """),
                        new Fragment(1, List.of(new TrackRun(ArchiveTracks.VIDEO_TRACK_ID, 0, List.of(
                                new Mp4Sample(3000, VIDEO_2, true, -3000)))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fragments")
    void writesTheFragmentFieldByField(String name, byte[] expected, Fragment fragment) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long written = FragmentWriter.writeTo(fragment.sequenceNumber(), fragment.runs(), out);

        assertArrayEquals(expected, out.toByteArray());
        assertEquals(expected.length, written);
    }

    @Test
    void refusesAFragmentWithoutSamplesOrSequenceNumber() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(IllegalArgumentException.class, () -> FragmentWriter.writeTo(1, List.of(), out));
        List<TrackRun> runs = List.of(new TrackRun(1, 0, List.of(new Mp4Sample(1, VIDEO_2, true, 0))));
        assertThrows(IllegalArgumentException.class, () -> FragmentWriter.writeTo(0, runs, out));
        assertThrows(IllegalArgumentException.class, () -> new TrackRun(1, 0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Mp4Sample(0, VIDEO_2, true, 0));
    }

    record Fragment(long sequenceNumber, List<TrackRun> runs) {
    }

    /** Hex digits of a layout, ignoring spaces and the "-- comment" after each field. */
    static byte[] hex(String layout) {
        StringBuilder digits = new StringBuilder();
        for (String line : layout.split("\n")) {
            int comment = line.indexOf("--");
            digits.append((comment >= 0 ? line.substring(0, comment) : line).replaceAll("\\s", ""));
        }
        return HexFormat.of().parseHex(digits);
    }
}
