package io.tributary.thumbnail.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.thumbnail.render.Av1SequenceHeaderCases.Case;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Av1SequenceHeaderReaderTest {
    static Stream<Case> cases() {
        return Av1SequenceHeaderCases.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void readsTheLargestFrameSize(Case c) {
        assertEquals(c.header(), Av1SequenceHeaderReader.read(c.payload(), 0, c.payload().length));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void readsOnlyTheGivenRangeOfTheArray(Case c) {
        byte[] padded = Av1Bits.concat(new byte[] {(byte) 0xFF, (byte) 0xFF}, c.payload(), new byte[] {(byte) 0xFF});

        assertEquals(c.header(), Av1SequenceHeaderReader.read(padded, 2, c.payload().length));
    }

    @Test
    void theLibsvtav1CaseIsTheBytesFfmpegWrote() {
        // the av1C configOBUs of a clip the bundled ffmpeg made (JpegRendererIT reads clips made on the fly)
        assertArrayEquals(HexFormat.of().parseHex("0000000cc4ff6700be0010"),
                Av1SequenceHeaderCases.SVT_AV1_640X360.payload());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void givesTheSameHeaderOrFailsForAPayloadCutShort(Case c) {
        for (int length = 0; length < c.payload().length; length++) {
            byte[] cut = Arrays.copyOf(c.payload(), length);
            try {
                assertEquals(c.header(), Av1SequenceHeaderReader.read(cut, 0, cut.length), c + " cut to " + length);
            } catch (Av1FormatException expected) {
                // cut before the end of max_frame_height_minus_1
            }
        }
    }

    @Test
    void rejectsAPayloadCutInTheFrameSize() {
        // libsvtav1's max_frame_height_minus_1 ends at bit 56: 7 bytes are needed, the 4 after them are not read
        byte[] payload = Av1SequenceHeaderCases.SVT_AV1_640X360.payload();

        assertThrows(Av1FormatException.class, () -> Av1SequenceHeaderReader.read(payload, 0, 6));
        assertEquals(Av1SequenceHeaderCases.SVT_AV1_640X360.header(), Av1SequenceHeaderReader.read(payload, 0, 7));
        for (Case c : Av1SequenceHeaderCases.ALL.subList(1, Av1SequenceHeaderCases.ALL.size())) {
            // the hand-built headers end with the frame size: any cut takes part of it
            assertThrows(Av1FormatException.class,
                    () -> Av1SequenceHeaderReader.read(c.payload(), 0, c.payload().length - 1), c::toString);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void givesAHeaderOrItsOwnExceptionForAnyByteFlippedOrCut(Case c) {
        byte[] payload = c.payload();
        for (int at = 0; at < payload.length; at++) {
            for (int mask : new int[] {0x01, 0x80, 0xFF}) {
                byte[] flipped = payload.clone();
                flipped[at] ^= (byte) mask;
                readsOrRejects(flipped);
            }
            readsOrRejects(Arrays.copyOf(payload, at));
        }
    }

    @Test
    void rejectsAnUnendedUvlc() {
        // timing info whose num_ticks_per_picture_minus_1 is zeros to the end of the OBU
        byte[] payload = Av1Bits.bits("""
                000 0 0   // seq_profile, still_picture, reduced_still_picture_header
                1         // timing_info_present_flag
                00000000000000000000000000000001  // num_units_in_display_tick
                00000000000000000000000000000001  // time_scale
                1         // equal_picture_interval
                0000000000000000000000000000000000000000000000000000000  // uvlc: zeros, no 1
                """);

        assertThrows(Av1FormatException.class, () -> Av1SequenceHeaderReader.read(payload, 0, payload.length));
    }

    private static void readsOrRejects(byte[] payload) {
        try {
            Av1SequenceHeader header = Av1SequenceHeaderReader.read(payload, 0, payload.length);
            assertEquals(true, header.maxFrameWidth() >= 1 && header.maxFrameWidth() <= 65536, header::toString);
            assertEquals(true, header.maxFrameHeight() >= 1 && header.maxFrameHeight() <= 65536, header::toString);
        } catch (Av1FormatException expected) {
            // the reader's own exception: the only other outcome allowed
        }
    }
}
