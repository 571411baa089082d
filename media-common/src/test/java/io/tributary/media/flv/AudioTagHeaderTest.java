package io.tributary.media.flv;

import static io.tributary.media.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.codec.AudioCodec;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AudioTagHeaderTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("legacy AAC sequence header", bytes(
                        "AF",                   // SoundFormat 10 (AAC), SoundRate 3, SoundSize 1, SoundType 1
                        "00"),                  // AACPacketType 0: AudioSpecificConfig
                        LegacyAudioTagHeader.aac(AacPacketType.SEQUENCE_HEADER), AudioCodec.AAC),
                Arguments.of("legacy AAC raw", bytes(
                        "AF",                   // SoundFormat 10, 44 kHz, 16-bit, stereo
                        "01"),                  // AACPacketType 1: raw frame
                        LegacyAudioTagHeader.aac(AacPacketType.RAW), AudioCodec.AAC),
                Arguments.of("legacy MP3 mono", bytes(
                        "2E"),                  // SoundFormat 2 (MP3), SoundRate 3, SoundSize 1, SoundType 0
                        new LegacyAudioTagHeader(2, 3, 1, 0, null), AudioCodec.MP3),
                Arguments.of("legacy G.711 mu-law", bytes(
                        "82"),                  // SoundFormat 8, SoundRate 0, SoundSize 1, SoundType 0
                        new LegacyAudioTagHeader(8, 0, 1, 0, null), AudioCodec.G711_MULAW),
                Arguments.of("legacy device-specific sound", bytes(
                        "F0"),                  // SoundFormat 15: no codec Tributary knows
                        new LegacyAudioTagHeader(15, 0, 0, 0, null), null),
                Arguments.of("E-RTMP Opus SequenceStart", bytes(
                        "90",                   // SoundFormat 9 (ExHeader), AudioPacketType 0 SequenceStart
                        "4F707573"),            // FourCC 'Opus'
                        new ExAudioTagHeader(AudioPacketType.SEQUENCE_START, AudioCodec.OPUS), AudioCodec.OPUS),
                Arguments.of("E-RTMP Opus CodedFrames", bytes(
                        "91",                   // SoundFormat 9, AudioPacketType 1 CodedFrames
                        "4F707573"),            // FourCC 'Opus'
                        new ExAudioTagHeader(AudioPacketType.CODED_FRAMES, AudioCodec.OPUS), AudioCodec.OPUS),
                Arguments.of("E-RTMP mp4a SequenceStart", bytes(
                        "90",                   // SoundFormat 9, SequenceStart
                        "6D703461"),            // FourCC 'mp4a'
                        new ExAudioTagHeader(AudioPacketType.SEQUENCE_START, AudioCodec.AAC), AudioCodec.AAC),
                Arguments.of("E-RTMP fLaC MultichannelConfig", bytes(
                        "94",                   // SoundFormat 9, AudioPacketType 4 MultichannelConfig
                        "664C6143"),            // FourCC 'fLaC'
                        new ExAudioTagHeader(AudioPacketType.MULTICHANNEL_CONFIG, AudioCodec.FLAC), AudioCodec.FLAC),
                Arguments.of("E-RTMP .mp3 SequenceEnd", bytes(
                        "92",                   // SoundFormat 9, AudioPacketType 2 SequenceEnd
                        "2E6D7033"),            // FourCC '.mp3'
                        new ExAudioTagHeader(AudioPacketType.SEQUENCE_END, AudioCodec.MP3), AudioCodec.MP3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodes(String name, byte[] bytes, AudioTagHeader header, AudioCodec codec) {
        AudioTagHeader parsed = AudioTagHeader.parse(bytes);
        assertEquals(header, parsed);
        assertEquals(codec, parsed.codec());
        assertEquals(bytes.length, parsed.length());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void encodes(String name, byte[] bytes, AudioTagHeader header, AudioCodec codec) {
        assertArrayEquals(bytes, header.toBytes());
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("empty body", bytes(""), "empty audio tag"),
                Arguments.of("reserved SoundFormat", bytes("C0"), "reserved SoundFormat 12"),
                Arguments.of("AAC header cut short", bytes("AF"), "needs 2 bytes"),
                Arguments.of("unknown AACPacketType", bytes("AF", "02"), "unknown AACPacketType 2"),
                Arguments.of("E-RTMP Multitrack", bytes("95", "00", "4F707573"), "Multitrack"),
                Arguments.of("E-RTMP ModEx", bytes("97", "00"), "ModEx"),
                Arguments.of("E-RTMP reserved packet type", bytes("93", "4F707573"),
                        "reserved E-RTMP AudioPacketType 3"),
                Arguments.of("E-RTMP unknown FourCC", bytes("90", "41414141"), "unknown E-RTMP audio FourCC 'AAAA'"),
                Arguments.of("E-RTMP FourCC cut short", bytes("90", "4F70"), "needs 5 bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejects(String name, byte[] bytes, String reason) {
        FlvFormatException e = assertThrows(FlvFormatException.class, () -> AudioTagHeader.parse(bytes));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
