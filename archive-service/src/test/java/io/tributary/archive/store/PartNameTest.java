package io.tributary.archive.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.archive.encode.EncodeMode;
import io.tributary.archive.store.PartName.Chunk;
import io.tributary.archive.store.PartName.Piece;
import io.tributary.archive.store.PartName.Raw;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PartNameTest {

    /** One table for both directions: (case, file name, value). */
    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("first GOP, re-encoded, no SSIM",
                        "piece-0000000000-0000000000-812345b-x264.flv",
                        new Piece(0, 0, 812_345, EncodeMode.REENCODE, null)),
                Arguments.of("GOP with two continuations, SSIM sampled",
                        "piece-0000000007-0000000009-24000000b-x264-s0.97412.flv",
                        new Piece(7, 9, 24_000_000, EncodeMode.REENCODE, 0.97412)),
                Arguments.of("copy mode",
                        "piece-0000000042-0000000042-1500b-copy.flv",
                        new Piece(42, 42, 1500, EncodeMode.COPY, null)),
                Arguments.of("sequence beyond ten digits keeps all of them",
                        "piece-12345678901-12345678901-1b-copy.flv",
                        new Piece(12_345_678_901L, 12_345_678_901L, 1, EncodeMode.COPY, null)),
                Arguments.of("raw record",
                        "raw-0000000003.flv",
                        new Raw(3)),
                Arguments.of("chunk of fragments, named before copy mode stored GOPs in chunks only",
                        "chunk-0000000000-0000000011-5300000b.m4s",
                        new Chunk(0, 11, 5_300_000)),
                Arguments.of("chunk that says what its records weighed and where its media ends",
                        "chunk-0000000012-0000000019-5400000b-5391234i-40033ms.m4s",
                        new Chunk(12, 19, 5_400_000, 5_391_234, 40_033)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void formatsTheName(String name, String fileName, PartName value) {
        assertEquals(fileName, value.fileName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void parsesTheName(String name, String fileName, PartName value) {
        assertEquals(value, PartName.parse(fileName).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "piece-0000000001-0000000000-1b-x264.flv",       // last before first
            "piece-000000001-000000001-1b-x264.flv",         // nine digits
            "piece-0000000001-0000000001-1b-h265.flv",       // unknown mode
            "piece-0000000001-0000000001-1b-x264-s1.5.flv",  // SSIM out of 0..1 / wrong precision
            "piece-0000000001-0000000001-b-x264.flv",        // no size
            "piece-99999999999999999999-99999999999999999999-1b-copy.flv", // above Long.MAX_VALUE
            "raw-12.flv",
            "raw-0000000001.flv.partial",
            "chunk-0000000005-0000000004-1b.m4s",             // last before first
            "chunk-0000000001-0000000004.m4s",                // no size
            "chunk-0000000001-0000000004-1b-2i.m4s",          // ingested bytes without the end
            "../raw-0000000001.flv"})
    void ignoresNamesItDidNotWrite(String fileName) {
        assertTrue(PartName.parse(fileName).isEmpty(), fileName);
    }

    @org.junit.jupiter.api.Test
    void sortsInSequenceOrderLikeTheServerLists() {
        List<String> names = List.of(new Piece(10, 10, 1, EncodeMode.COPY, null).fileName(),
                new Piece(9, 9, 1, EncodeMode.COPY, null).fileName(), new Piece(100, 100, 1, EncodeMode.COPY, null).fileName());
        assertEquals(List.of(names.get(1), names.get(0), names.get(2)), names.stream().sorted().toList());
    }
}
