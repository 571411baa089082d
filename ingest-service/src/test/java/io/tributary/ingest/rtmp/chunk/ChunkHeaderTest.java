package io.tributary.ingest.rtmp.chunk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.ingest.rtmp.chunk.ChunkHeaderCases.Case;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChunkHeaderTest {

    static Stream<Case> canonical() {
        return ChunkHeaderCases.canonical().stream();
    }

    static Stream<Case> all() {
        return Stream.concat(canonical(), ChunkHeaderCases.decodeOnly().stream());
    }

    @ParameterizedTest
    @MethodSource("all")
    void decodesEachTableCase(Case c) {
        byte[] b = c.bytes();
        // grow the known prefix one byte at a time, as the decoder does, until the header is complete
        int filled = 0;
        int need;
        while ((need = ChunkHeader.requiredLength(b, filled, csid -> c.header().extendedTimestamp())) > filled) {
            filled++;
        }
        assertEquals(b.length, need, "header length");
        assertEquals(c.header(), ChunkHeader.decode(b, need));
    }

    @ParameterizedTest
    @MethodSource("canonical")
    void encodesEachCanonicalCase(Case c) {
        assertArrayEquals(c.bytes(), c.header().encode());
        assertEquals(c.bytes().length, c.header().encodedLength());
    }

    @Test
    void rejectsChunkStreamIdsOutsideTheWireRange() {
        assertThrows(IllegalArgumentException.class, () -> new ChunkHeader(0, 1, 0, 0, 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new ChunkHeader(0, 65_600, 0, 0, 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new ChunkHeader(4, 3, 0, 0, 0, 0, false));
    }
}
