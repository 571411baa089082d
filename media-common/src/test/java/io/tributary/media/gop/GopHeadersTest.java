package io.tributary.media.gop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GopHeadersTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("first record of a session",
                        GopMetadata.of("01JDQ4Z3V7J8F5K2M9N6P4R1S0", 0, 0, 1000, 1_764_200_000_123L,
                                Set.of(GopFlag.FIRST)),
                        text("1", "01JDQ4Z3V7J8F5K2M9N6P4R1S0", "0", "0", "1000", "1764200000123", "first")),
                Arguments.of("ordinary record",
                        GopMetadata.of("0193b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b", 41, 41_000, 1001, 1_764_200_041_500L,
                                Set.of()),
                        text("1", "0193b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b", "41", "41000", "1001", "1764200041500", "")),
                Arguments.of("continued part of the last GOP",
                        GopMetadata.of("s", 9_007_199_254_740_993L, Long.MAX_VALUE, 0, 0,
                                EnumSet.of(GopFlag.CONTINUED, GopFlag.LAST)),
                        text("1", "s", "9007199254740993", "9223372036854775807", "0", "0", "last,continued")));
    }

    /** Header values in the order of {@link GopHeaders#encode}. */
    private static Map<String, String> text(String version, String session, String seq, String start, String duration,
                                            String closedAt, String flags) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("tributary-schema-version", version);
        m.put("tributary-session-id", session);
        m.put("tributary-sequence", seq);
        m.put("tributary-media-start-ms", start);
        m.put("tributary-media-duration-ms", duration);
        m.put("tributary-closed-at-ms", closedAt);
        m.put("tributary-flags", flags);
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void encodesAsUtf8Text(String name, GopMetadata metadata, Map<String, String> headers) {
        Map<String, byte[]> encoded = GopHeaders.encode(metadata);
        assertEquals(List.copyOf(headers.keySet()), List.copyOf(encoded.keySet()));
        assertEquals(headers, encoded.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> new String(e.getValue(), StandardCharsets.UTF_8), (a, b) -> a, LinkedHashMap::new)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodes(String name, GopMetadata metadata, Map<String, String> headers) {
        assertEquals(metadata, GopHeaders.decode(n -> bytes(headers.get(n))));
    }

    static Stream<Arguments> garbled() {
        return Stream.of(
                Arguments.of("tributary-sequence", null, "without the Kafka header tributary-sequence"),
                Arguments.of("tributary-flags", null, "without the Kafka header tributary-flags"),
                Arguments.of("tributary-schema-version", "2", "schema version 2 is not 1"),
                Arguments.of("tributary-sequence", "-1", "not a decimal number: '-1'"),
                Arguments.of("tributary-sequence", "+1", "not a decimal number"),
                Arguments.of("tributary-media-start-ms", " 5", "not a decimal number"),
                Arguments.of("tributary-media-start-ms", "", "not a decimal number: ''"),
                Arguments.of("tributary-media-duration-ms", "1e3", "not a decimal number"),
                Arguments.of("tributary-closed-at-ms", "9999999999999999999", "out of range"),
                Arguments.of("tributary-flags", "first,", "unknown flag: ''"),
                Arguments.of("tributary-flags", "FIRST", "unknown flag: 'FIRST'"),
                Arguments.of("tributary-session-id", "", "not a session id"),
                Arguments.of("tributary-session-id", "a b", "not a session id"),
                Arguments.of("tributary-session-id", "x".repeat(129), "not a session id"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("garbled")
    void rejectsMissingOrGarbledHeaders(String header, String value, String reason) {
        Map<String, String> headers = text("1", "s", "1", "2", "3", "4", "");
        headers.put(header, value);
        GopRecordException e = assertThrows(GopRecordException.class,
                () -> GopHeaders.decode(n -> bytes(headers.get(n))));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void rejectsHeadersThatAreNotUtf8() {
        Map<String, String> headers = text("1", "s", "1", "2", "3", "4", "");
        GopRecordException e = assertThrows(GopRecordException.class, () -> GopHeaders.decode(
                n -> n.equals(GopHeaders.SESSION_ID) ? new byte[] {(byte) 0xC3, 0x28} : bytes(headers.get(n))));
        assertTrue(e.getMessage().contains("tributary-session-id is not UTF-8"), e.getMessage());
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}
