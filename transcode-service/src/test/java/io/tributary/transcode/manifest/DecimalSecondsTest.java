package io.tributary.transcode.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DecimalSecondsTest {
    /** millis, three digits (EXTINF), trimmed (xs:duration seconds) */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(0L, "0.000", "0"),
                Arguments.of(2000L, "2.000", "2"),
                Arguments.of(2002L, "2.002", "2.002"),
                Arguments.of(2500L, "2.500", "2.5"),
                Arguments.of(2050L, "2.050", "2.05"),
                Arguments.of(1L, "0.001", "0.001"),
                Arguments.of(999L, "0.999", "0.999"),
                Arguments.of(123_456_789L, "123456.789", "123456.789"),
                Arguments.of(-1250L, "-1.250", "-1.25"),
                Arguments.of(-500L, "-0.500", "-0.5"),
                Arguments.of(-3000L, "-3.000", "-3"));
    }

    @ParameterizedTest(name = "{0} ms")
    @MethodSource("cases")
    void writesThreeFractionDigits(long millis, String threeDigits, String trimmed) {
        assertEquals(threeDigits, DecimalSeconds.threeDigits(millis));
    }

    @ParameterizedTest(name = "{0} ms")
    @MethodSource("cases")
    void dropsTrailingZerosAndAWholeSecondsPoint(long millis, String threeDigits, String trimmed) {
        assertEquals(trimmed, DecimalSeconds.trimmed(millis));
    }
}
