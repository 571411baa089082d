package io.tributary.media.codec;

import static org.junit.jupiter.api.Assertions.fail;

import io.tributary.media.RecordedVectors;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damaged copies of every configuration in the tables and recordings: the only allowed outcomes are a
 * configuration whose derived values (codec string, size, rate) can be computed, or a {@link CodecConfigException}.
 */
class CodecConfigRobustnessTest {

    static Stream<Arguments> inputs() {
        List<Arguments> all = new ArrayList<>();
        for (AvcCases.Case c : AvcCases.records()) {
            all.add(Arguments.of("AVC " + c.name(), VideoCodec.AVC, c.bytes()));
        }
        all.add(Arguments.of("HEVC table", VideoCodec.HEVC, HevcDecoderConfigurationRecordTest.RECORDED_WITHOUT_SEI));
        all.add(Arguments.of("HEVC recorded", VideoCodec.HEVC,
                SequenceHeaders.video(RecordedVectors.FFMPEG_HEVC_AAC).payload()));
        all.add(Arguments.of("AV1 recorded", VideoCodec.AV1,
                SequenceHeaders.video(RecordedVectors.FFMPEG_AV1_AAC).payload()));
        Av1CodecConfigurationRecordTest.records().forEach(a -> all.add(Arguments.of("AV1 " + a.get()[0], VideoCodec.AV1,
                a.get()[1])));
        AudioSpecificConfigTest.configs().forEach(a -> all.add(Arguments.of("AAC " + a.get()[0], AudioCodec.AAC,
                a.get()[1])));
        OpusHeadTest.heads().forEach(a -> all.add(Arguments.of("Opus " + a.get()[0], AudioCodec.OPUS, a.get()[1])));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void truncatedAtEveryOffset(String name, Enum<?> codec, byte[] bytes) {
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] b = java.util.Arrays.copyOf(bytes, cut);
            parseAll(codec, b, "cut at " + cut);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void flippedBytes(String name, Enum<?> codec, byte[] bytes) {
        byte[] b = bytes.clone();
        for (int i = 0; i < b.length; i++) {
            byte original = b[i];
            for (int replacement : new int[] {0x00, 0xFF, original ^ 0x01, original ^ 0x80, original ^ 0x10}) {
                b[i] = (byte) replacement;
                parseAll(codec, b, "byte " + i + " set to " + replacement);
            }
            b[i] = original;
        }
    }

    private static void parseAll(Enum<?> codec, byte[] b, String what) {
        try {
            if (codec instanceof VideoCodec v) {
                VideoDecoderConfiguration c = VideoDecoderConfiguration.parse(v, b);
                c.codecString();
                c.width();
                c.height();
                c.frameRate();
                c.toBytes();
            } else {
                AudioDecoderConfiguration c = AudioDecoderConfiguration.parse((AudioCodec) codec, b);
                c.codecString();
                c.sampleRate();
                c.channels();
                c.toBytes();
            }
        } catch (CodecConfigException expected) {
            // the one allowed failure
        } catch (RuntimeException | StackOverflowError e) {
            fail(what + ": " + e, e);
        }
    }
}
