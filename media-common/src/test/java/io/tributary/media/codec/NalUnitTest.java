package io.tributary.media.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NalUnitTest {

    static Stream<Arguments> headers() {
        return Stream.of(
                Arguments.of("H.265 SPS, base layer", HevcDecoderConfigurationRecordTest.SPS, 2, 33, 0),
                Arguments.of("H.265 SPS, layer 1", "4209", 2, 33, 1),           // 0100001 0, 00001 001
                Arguments.of("H.265 layer 63", "4bf9", 11, 37, 63),             // forbidden 0, type 37, layer 63
                Arguments.of("one byte: no H.265 layer", "42", 2, 33, -1),
                Arguments.of("empty", "", -1, -1, -1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headers")
    void readsTheHeaderFields(String name, String hex, int avcType, int hevcType, int hevcLayerId) {
        NalUnit nal = AvcCases.nal(hex);
        assertEquals(avcType, nal.avcType());
        assertEquals(hevcType, nal.hevcType());
        assertEquals(hevcLayerId, nal.hevcLayerId());
    }
}
