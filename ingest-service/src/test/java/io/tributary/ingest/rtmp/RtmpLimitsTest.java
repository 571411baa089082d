package io.tributary.ingest.rtmp;

import static io.tributary.ingest.rtmp.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.ingest.rtmp.RtmpProtocolException.Reason;
import io.tributary.ingest.rtmp.chunk.ChunkDecoder;
import io.tributary.ingest.rtmp.chunk.RawMessage;
import io.tributary.ingest.rtmp.command.CommandParser;
import io.tributary.ingest.rtmp.message.CommandAmf0;
import io.tributary.ingest.rtmp.message.MessageDecoder;
import io.tributary.media.amf.AmfValue;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every component of {@link RtmpLimits} is enforced: one test per limit, each showing the value at the limit
 * accepted and one past it rejected with its reason. (The layers' own tests cover the details.)
 */
class RtmpLimitsTest {

    /** Small limits so each can be reached with a few bytes. */
    private static final RtmpLimits SMALL = new RtmpLimits(300, 200, 400, 3, 2, 8);

    @Test
    void maxMessageLengthBoundsAudioVideoAndAggregates() {
        for (String type : List.of("08", "09", "16")) {
            assertAccepted(d -> d.feed(header("04", "00012C", type))); // 300
            assertRejected(Reason.MESSAGE_TOO_LONG, d -> d.feed(header("04", "00012D", type))); // 301
        }
    }

    @Test
    void maxCommandLengthBoundsEveryOtherType() {
        for (String type : List.of("01", "04", "0F", "11", "12", "13", "14", "07")) {
            assertAccepted(d -> d.feed(header("03", "0000C8", type))); // 200
            assertRejected(Reason.MESSAGE_TOO_LONG, d -> d.feed(header("03", "0000C9", type))); // 201
        }
    }

    @Test
    void maxBufferedMessageBytesBoundsIncompleteMessagesTogether() {
        byte[] first = concat(header("04", "00012C", "09"), new byte[128]); // 300 announced, 128 sent
        assertAccepted(d -> {
            d.feed(first);
            d.feed(header("05", "000064", "09")); // 300 + 100 = 400
        });
        assertRejected(Reason.TOO_MANY_BUFFERED_BYTES, d -> {
            d.feed(first);
            d.feed(header("05", "000065", "09")); // 300 + 101
        });
    }

    @Test
    void maxChunkStreamsBoundsDistinctChunkStreamIds() {
        assertAccepted(d -> d.feed(concat(message("03"), message("04"), message("05"))));
        assertRejected(Reason.TOO_MANY_CHUNK_STREAMS,
                d -> d.feed(concat(message("03"), message("04"), message("05"), message("06"))));
    }

    @Test
    void maxAmfDepthBoundsNesting() {
        MessageDecoder decoder = new MessageDecoder(SMALL);
        decoder.decode(new RawMessage(20, 0, 0, bytes("03 0001 61 03 0000 09 0000 09"))); // depth 2
        RtmpProtocolException e = assertThrows(RtmpProtocolException.class, () -> decoder.decode(
                new RawMessage(20, 0, 0, bytes("03 0001 61 03 0001 62 03 0000 09 0000 09 0000 09")))); // depth 3
        assertEquals(Reason.MALFORMED_AMF, e.reason());
    }

    @Test
    void aggregatedDataIsHeldToTheCommandLimitNotTheMediaLimit() {
        MessageDecoder decoder = new MessageDecoder(SMALL);
        decoder.decode(new RawMessage(22, 1, 0, aggregateOfData(bytes("02 0003 61 62 63")))); // "abc", 6 bytes
        byte[] overCommandLimit = new byte[201]; // within the 300-byte media limit an aggregate has
        RtmpProtocolException e = assertThrows(RtmpProtocolException.class,
                () -> decoder.decode(new RawMessage(22, 1, 0, aggregateOfData(overCommandLimit))));
        assertEquals(Reason.MALFORMED_AGGREGATE, e.reason());
    }

    /** One AMF0 data sub-message (type 18) at timestamp 0, with its back pointer. */
    private static byte[] aggregateOfData(byte[] data) {
        byte[] header = bytes("12 000000 000000 00 000000");
        header[1] = (byte) (data.length >>> 16);
        header[2] = (byte) (data.length >>> 8);
        header[3] = (byte) data.length;
        return concat(header, data, bytes("00000000"));
    }

    @Test
    void maxNameLengthBoundsNames() {
        CommandParser parser = new CommandParser(SMALL);
        parser.parse(new CommandAmf0(0, 0, List.of(AmfValue.string("a".repeat(8)))));
        RtmpProtocolException e = assertThrows(RtmpProtocolException.class,
                () -> parser.parse(new CommandAmf0(0, 0, List.of(AmfValue.string("a".repeat(9))))));
        assertEquals(Reason.NAME_TOO_LONG, e.reason());
    }

    @Test
    void refusesLimitsThatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> new RtmpLimits(0, 1, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new RtmpLimits(1, 1, 1, 1, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> new RtmpLimits(0x100_0000, 1, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new RtmpLimits(1, 0x100_0000, 1, 1, 1, 1));
    }

    @Test
    void defaultsFitTheWireAndRealEncoders() {
        RtmpLimits d = RtmpLimits.DEFAULTS;
        assertEquals(8 * 1024 * 1024, d.maxMessageLength());
        assertEquals(d.maxMessageLength(), d.maxLengthOfType(9));
        assertEquals(d.maxCommandLength(), d.maxLengthOfType(20));
        assertEquals(true, d.maxBufferedMessageBytes() >= d.maxMessageLength() + d.maxCommandLength());
    }

    private static byte[] header(String csid, String length, String type) {
        return bytes(csid, "000000", length, type, "01000000");
    }

    /** A complete 1-byte video message on a chunk stream. */
    private static byte[] message(String csid) {
        return bytes(csid, "000000", "000001", "09", "01000000", "17");
    }

    private static void assertAccepted(Consumer<ChunkDecoder> feed) {
        ChunkDecoder d = new ChunkDecoder(SMALL);
        feed.accept(d);
        assertEquals(false, d.state() == ChunkDecoder.State.FAILED);
    }

    private static void assertRejected(Reason reason, Consumer<ChunkDecoder> feed) {
        ChunkDecoder d = new ChunkDecoder(SMALL);
        RtmpProtocolException e = assertThrows(RtmpProtocolException.class, () -> feed.accept(d));
        assertEquals(reason, e.reason());
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
