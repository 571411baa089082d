package io.tributary.media.codec;

import static io.tributary.media.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.RecordedVectors;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AudioSpecificConfigTest {

    static Stream<Arguments> configs() {
        return Stream.of(
                // FFmpeg's native AAC encoder, in every recording: LC, with the sync extension saying "no SBR"
                Arguments.of("recorded: LC 48 kHz stereo, SBR signalled absent", bytes(
                        "1190",                 // AOT 2 (LC), samplingFrequencyIndex 3 (48000), channels 2, GA 000
                        "56E5",                 // syncExtensionType 0x2B7, extension AOT 5 (SBR)
                        "00"),                  // sbrPresentFlag 0, padding
                        2, 48000, 2, 0, 0, "mp4a.40.2", 48000, 2),
                Arguments.of("LC 44.1 kHz stereo", bytes(
                        "1210"),                // AOT 2, index 4 (44100), channels 2, GA 000
                        2, 44100, 2, 0, 0, "mp4a.40.2", 44100, 2),
                Arguments.of("LC 48 kHz 5.1", bytes(
                        "11B0"),                // AOT 2, index 3, channelConfiguration 6
                        2, 48000, 6, 0, 0, "mp4a.40.2", 48000, 6),
                Arguments.of("HE-AAC signalled explicitly", bytes(
                        "2B1188",               // AOT 5, index 6 (24000), channels 2, extension index 3 (48000), AOT 2
                        "00"),                  // GA 000, padding
                        2, 24000, 2, 5, 48000, "mp4a.40.5", 48000, 2),
                Arguments.of("HE-AAC v2 signalled explicitly: mono core, stereo out", bytes(
                        "EB0988",               // AOT 29, index 6, channels 1, extension index 3, AOT 2
                        "00"),                  // GA 000, padding
                        2, 24000, 1, 29, 48000, "mp4a.40.29", 48000, 2),
                Arguments.of("HE-AAC signalled by the backward-compatible sync extension", bytes(
                        "1310",                 // AOT 2, index 6 (24000), channels 2, GA 000
                        "56E598"),              // sync 0x2B7, AOT 5, sbrPresentFlag 1, extension index 3 (48000)
                        2, 24000, 2, 5, 48000, "mp4a.40.5", 48000, 2),
                Arguments.of("explicit sampling frequency", bytes(
                        "17",                   // AOT 2, index 15 (explicit) ...
                        "80560C",               // ... samplingFrequency 44056 (24 bits)
                        "08"),                  // channels 1, GA 000
                        2, 44056, 1, 0, 0, "mp4a.40.2", 44056, 1),
                Arguments.of("escaped object type 42 (USAC)", bytes(
                        "F94640"),              // AOT 31 + 6 bits: 42, index 3, channels 2
                        42, 48000, 2, 0, 0, "mp4a.40.42", 48000, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void decodes(String name, byte[] bytes, int objectType, int frequency, int channelConfiguration, int extensionType,
                 int extensionFrequency, String codecString, int sampleRate, int channels) {
        AudioSpecificConfig c = AudioSpecificConfig.parse(bytes);
        assertEquals(new AudioSpecificConfig(objectType, frequency, channelConfiguration, extensionType,
                extensionFrequency, bytes), c);
        assertEquals(objectType, c.audioObjectType());
        assertEquals(frequency, c.samplingFrequency());
        assertEquals(channelConfiguration, c.channelConfiguration());
        assertEquals(extensionType, c.extensionAudioObjectType());
        assertEquals(extensionFrequency, c.extensionSamplingFrequency());
        assertEquals(codecString, c.codecString());
        assertEquals(sampleRate, c.sampleRate());
        assertEquals(channels, c.channels());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void encodesTheBytesItWasGiven(String name, byte[] bytes) {
        assertArrayEquals(bytes, AudioSpecificConfig.parse(bytes).toBytes());
    }

    /** Expected values: ffprobe -show_streams of every recording: aac LC, 48000 Hz, 2 channels. */
    @Test
    void readsTheRecordedSequenceHeaders() {
        for (String v : new String[] {RecordedVectors.FFMPEG_H264_AAC, RecordedVectors.FFMPEG_HEVC_AAC,
                RecordedVectors.FFMPEG_AV1_AAC, RecordedVectors.GSTREAMER_H264_AAC}) {
            AudioDecoderConfiguration c = AudioDecoderConfiguration.parse(AudioCodec.AAC,
                    SequenceHeaders.audio(v).payload());
            assertEquals("mp4a.40.2", c.codecString(), v);
            assertEquals(48000, c.sampleRate(), v);
            assertEquals(2, c.channels(), v);
        }
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("reserved samplingFrequencyIndex", bytes("1690"),
                        "reserved AAC samplingFrequencyIndex 13"),
                Arguments.of("reserved channelConfiguration", bytes("11C0"), "reserved AAC channelConfiguration 8"),
                Arguments.of("explicit frequency 0", bytes("17800000 08"), "explicit samplingFrequency 0"),
                Arguments.of("one byte", bytes("12"), "truncated"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejects(String name, byte[] bytes, String reason) {
        CodecConfigException e = assertThrows(CodecConfigException.class, () -> AudioSpecificConfig.parse(bytes));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
