package io.tributary.media.flv;

import static io.tributary.media.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.amf.AmfValue;
import io.tributary.media.flv.FlvStreamCases.Case;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FlvReaderWriterTest {

    static Stream<Case> cases() {
        return FlvStreamCases.all().stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void readsTheHeaderAndTags(Case c) {
        FlvReader reader = new FlvReader(c.bytes());
        assertEquals(c.header(), reader.header());
        assertEquals(c.tags(), reader.readAll());
        assertEquals(c.bytes().length, reader.position());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void writesTheHeaderAndTags(Case c) {
        FlvWriter writer = new FlvWriter(c.header());
        c.tags().forEach(writer::write);
        assertArrayEquals(c.bytes(), writer.toByteArray());
        assertEquals(c.bytes().length, writer.size());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void writesIntoOneArrayOfTheSizeItComputes(Case c) {
        int size = (int) FlvWriter.streamSize(c.tags());
        assertEquals(c.bytes().length, size);
        FlvWriter writer = new FlvWriter(c.header(), size);
        c.tags().forEach(writer::write);
        byte[] written = writer.toByteArray();
        assertArrayEquals(c.bytes(), written);
        assertSame(written, writer.toByteArray(), "a stream of exactly the given size is handed over, not copied");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void writesCorrectlyPastASizeThatWasTooSmall(Case c) {
        FlvWriter writer = new FlvWriter(c.header(), 1);
        c.tags().forEach(writer::write);
        assertArrayEquals(c.bytes(), writer.toByteArray());
    }

    @Test
    void aWriteAfterTheStreamWasHandedOverLeavesItAlone() {
        VideoTag tag = new VideoTag(40, bytes("27 01 000000 0102"));
        FlvWriter writer = new FlvWriter(new FlvHeader(false, true), (int) FlvWriter.streamSize(List.of(tag)));
        byte[] taken = writer.write(tag).toByteArray();
        byte[] copy = taken.clone();
        writer.write(tag);
        assertArrayEquals(copy, taken);
        assertEquals(taken.length + FlvWriter.tagSize(tag), writer.toByteArray().length);
    }

    @Test
    void readsAStreamInsideALargerBuffer() {
        byte[] stream = FlvStreamCases.all().get(1).bytes();
        byte[] buf = new byte[stream.length + 7];
        System.arraycopy(stream, 0, buf, 3, stream.length);
        assertEquals(3, new FlvReader(buf, 3, stream.length).readAll().size());
    }

    @Test
    void skipsExtraHeaderBytesThatDataOffsetAnnounces() {
        byte[] b = bytes(
                "464C56", "01", "01",           // "FLV", version 1, video
                "0000000B",                     // DataOffset 11: two extra header bytes
                "EEEE",                         // extra bytes
                "00000000");                    // PreviousTagSize0
        FlvReader reader = new FlvReader(b);
        assertEquals(new FlvHeader(false, true), reader.header());
        assertEquals(List.of(), reader.readAll());
    }

    @Test
    void scriptDataTagGivesItsNameAndArguments() {
        ScriptDataTag tag = (ScriptDataTag) FlvStreamCases.all().get(1).tags().get(0);
        assertEquals("onMetaData", tag.name());
        AmfValue.AmfEcmaArray meta = (AmfValue.AmfEcmaArray) tag.arguments().get(0);
        assertEquals(AmfValue.number(640), meta.properties().get("width"));
    }

    @Test
    void scriptDataTagWithBadAmfFailsAsFlv() {
        ScriptDataTag tag = new ScriptDataTag(0, bytes("02 0010 61"));
        assertThrows(FlvFormatException.class, tag::name);
        assertThrows(FlvFormatException.class, tag::values);
        assertThrows(FlvFormatException.class, () -> new ScriptDataTag(0, bytes("00 0000000000000000")).name());
    }

    @Test
    void tagsRefuseTimestampsAndBodiesFlvCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> new VideoTag(-1, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new AudioTag(0x1_0000_0000L, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new ScriptDataTag(0, new byte[0x1000000]));
    }

    static Stream<Arguments> rejected() {
        String header = "464C5601050000000900000000";
        return Stream.of(
                Arguments.of("too short for a header", bytes("464C5601"), "needs 9 bytes"),
                Arguments.of("wrong signature", bytes("464C5701050000000900000000"), "signature"),
                Arguments.of("version 2", bytes("464C5602050000000900000000"), "version 2"),
                Arguments.of("DataOffset below 9", bytes("464C5601050000000800000000"), "DataOffset 8"),
                Arguments.of("DataOffset past the end", bytes("464C560105FFFFFFFF00000000"), "DataOffset 4294967295"),
                Arguments.of("PreviousTagSize0 not 0", bytes("464C5601050000000900000001"), "should be 0"),
                Arguments.of("missing PreviousTagSize0", bytes("464C56010500000009"), "PreviousTagSize needs 4"),
                Arguments.of("tag header cut short", bytes(header, "0900000500"), "tag header needs 11"),
                Arguments.of("DataSize past the end", bytes(header, "09FFFFFF00000000000000", "17"),
                        "tag body of 16777215 bytes"),
                Arguments.of("missing trailing PreviousTagSize", bytes(header, "0900000100000000000000", "17"),
                        "tag body of 1 bytes needs 5"),
                Arguments.of("wrong PreviousTagSize", bytes(header, "0900000100000000000000", "17", "0000000D"),
                        "PreviousTagSize 13"),
                Arguments.of("encrypted tag", bytes(header, "2900000100000000000000", "17", "0000000C"), "encrypted"),
                Arguments.of("unknown tag type", bytes(header, "0F00000100000000000000", "17", "0000000C"),
                        "unknown FLV TagType 15"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejects(String name, byte[] bytes, String reason) {
        FlvFormatException e = assertThrows(FlvFormatException.class, () -> new FlvReader(bytes).readAll());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void refusesToReadPastTheLastTag() {
        FlvReader reader = new FlvReader(FlvStreamCases.all().get(0).bytes());
        assertThrows(FlvFormatException.class, reader::next);
    }
}
