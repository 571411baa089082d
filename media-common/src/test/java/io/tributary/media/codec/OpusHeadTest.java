package io.tributary.media.codec;

import static io.tributary.media.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Identification headers written by the bundled FFmpeg 7.1 libopus (lavfi sine, 1 s, 64 kb/s, {@code -ac 2} and
 * {@code -ac 6}), read back from its ffprobe extradata. FFmpeg 7.1's FLV muxer cannot write Opus, so no recording
 * of an E-RTMP Opus stream exists yet; the E-RTMP SequenceStart body is this same header (Enhanced RTMP v2).
 */
class OpusHeadTest {

    static Stream<Arguments> heads() {
        return Stream.of(
                Arguments.of("libopus stereo", bytes(
                        "4F70757348656164",     // "OpusHead"
                        "01",                   // version 1
                        "02",                   // channel count 2
                        "3801",                 // pre-skip 312 (little-endian)
                        "80BB0000",             // input sample rate 48000 (little-endian)
                        "0000",                 // output gain 0 dB
                        "00"),                  // channel mapping family 0 (mono/stereo)
                        new OpusHead(1, 2, 312, 48000, 0, 0, 1, 1, new byte[0])),
                Arguments.of("libopus 5.1", bytes(
                        "4F70757348656164",     // "OpusHead"
                        "01",                   // version 1
                        "06",                   // channel count 6
                        "3801",                 // pre-skip 312
                        "80BB0000",             // input sample rate 48000
                        "0000",                 // output gain 0
                        "01",                   // channel mapping family 1 (Vorbis order)
                        "04",                   // stream count 4
                        "02",                   // coupled stream count 2
                        "000401020305"),        // channel mapping
                        new OpusHead(1, 6, 312, 48000, 0, 1, 4, 2, bytes("000401020305"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heads")
    void decodes(String name, byte[] bytes, OpusHead head) {
        assertEquals(head, OpusHead.parse(bytes));
        assertEquals("opus", head.codecString());
        assertEquals(48000, head.sampleRate());
        assertEquals(head.channelCount(), head.channels());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heads")
    void encodes(String name, byte[] bytes, OpusHead head) {
        assertArrayEquals(bytes, head.toBytes());
    }

    @Test
    void ignoresDataAfterTheHeader() {
        byte[] withTail = bytes("4F70757348656164 01 02 3801 80BB0000 0000 00", "CAFE");
        assertEquals(new OpusHead(1, 2, 312, 48000, 0, 0, 1, 1, new byte[0]), OpusHead.parse(withTail));
    }

    @Test
    void tellsTheCommentHeaderFromTheIdHeader() {
        assertTrue(OpusHead.isOpusHead(bytes("4F70757348656164 01")));
        assertFalse(OpusHead.isOpusHead(bytes("4F70757354616773 00000000"))); // "OpusTags"
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("comment header", bytes("4F70757354616773 0000000000000000000000"),
                        "no \"OpusHead\" magic"),
                Arguments.of("cut short", bytes("4F70757348656164 01 02 3801"), "truncated"),
                Arguments.of("major version 1", bytes("4F70757348656164 10 02 3801 80BB0000 0000 00"),
                        "major version 1"),
                Arguments.of("no channels", bytes("4F70757348656164 01 00 3801 80BB0000 0000 00"), "0 channels"),
                Arguments.of("family 0 with 3 channels", bytes("4F70757348656164 01 03 3801 80BB0000 0000 00"),
                        "family 0 with 3 channels"),
                Arguments.of("mapping table cut short",
                        bytes("4F70757348656164 01 06 3801 80BB0000 0000 01 04 02 0004"),
                        "mapping table truncated"),
                Arguments.of("more coupled than streams",
                        bytes("4F70757348656164 01 01 3801 80BB0000 0000 01 01 02 00"),
                        "1 streams, 2 coupled"),
                Arguments.of("mapping names no stream", bytes("4F70757348656164 01 01 3801 80BB0000 0000 01 01 00 05"),
                        "channel mapping 5 names no stream"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejects(String name, byte[] bytes, String reason) {
        CodecConfigException e = assertThrows(CodecConfigException.class, () -> OpusHead.parse(bytes));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
