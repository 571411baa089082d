package io.tributary.ingest.rtmp.message;

import static io.tributary.ingest.rtmp.Hex.bytes;
import static io.tributary.ingest.rtmp.message.MessageCases.control;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.ingest.rtmp.Hex;
import io.tributary.ingest.rtmp.RtmpLimits;
import io.tributary.ingest.rtmp.RtmpProtocolException;
import io.tributary.ingest.rtmp.RtmpProtocolException.Reason;
import io.tributary.ingest.rtmp.chunk.RawMessage;
import io.tributary.ingest.rtmp.message.MessageCases.Case;
import io.tributary.media.amf.AmfValue;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MessageCodecTest {

    private final MessageDecoder decoder = new MessageDecoder(RtmpLimits.DEFAULTS);

    static Stream<Case> canonical() {
        return MessageCases.canonical().stream();
    }

    static Stream<Case> all() {
        return Stream.concat(canonical(), MessageCases.decodeOnly().stream());
    }

    @ParameterizedTest
    @MethodSource("all")
    void decodesEachTableCase(Case c) {
        assertSameMessage(c.message(), decoder.decode(c.raw()));
    }

    @ParameterizedTest
    @MethodSource("canonical")
    void encodesEachCanonicalCase(Case c) {
        RawMessage encoded = c.message().encode();
        assertEquals(Hex.of(c.raw().payload()), Hex.of(encoded.payload()));
        assertEquals(c.raw(), encoded);
        assertEquals(c.raw().typeId(), c.message().typeId());
    }

    /** Records holding byte arrays compare by identity; their encodings compare by content. */
    static void assertSameMessage(RtmpMessage expected, RtmpMessage actual) {
        assertEquals(expected.getClass(), actual.getClass());
        if (!expected.equals(actual)) {
            assertEquals(expected.encode(), actual.encode());
        }
    }

    @Test
    void sendsControlOnChunkStream2AndCommandsOn3() {
        assertEquals(2, new SetChunkSize(4096).preferredChunkStreamId());
        assertEquals(2, new UserControl(new UserControlEvent.StreamBegin(1)).preferredChunkStreamId());
        assertEquals(3, new CommandAmf0(1, 0, List.of(AmfValue.string("onStatus"))).preferredChunkStreamId());
        assertEquals(4, new Audio(1, 0, new byte[0]).preferredChunkStreamId());
        assertEquals(5, new DataAmf0(1, 0, List.of()).preferredChunkStreamId());
        assertEquals(6, new Video(1, 0, new byte[0]).preferredChunkStreamId());
    }

    @Test
    void rejectsControlMessagesShorterThanTheirType() {
        for (RawMessage raw : List.of(
                control(1, "001000"), control(2, "000004"), control(3, "000000"), control(4, "00"),
                control(4, "0000 000001"), control(4, "0003 00000001 000BB8"), control(4, "0006"),
                control(5, "2625A0"), control(6, "002625A0"))) {
            RtmpProtocolException e =
                    assertThrows(RtmpProtocolException.class, () -> decoder.decode(raw), raw.toString());
            assertEquals(Reason.MALFORMED_CONTROL_MESSAGE, e.reason());
        }
    }

    @Test
    void rejectsSetChunkSizeZeroOrWithTopBitSet() {
        for (String size : List.of("00000000", "80000000", "FFFFFFFF")) {
            assertEquals(Reason.INVALID_CHUNK_SIZE, reasonOf(control(1, size)));
        }
    }

    @Test
    void rejectsUnknownPeerBandwidthLimitType() {
        assertEquals(Reason.MALFORMED_CONTROL_MESSAGE, reasonOf(control(6, "002625A0", "03")));
    }

    @Test
    void rejectsAmfThatDoesNotDecode() {
        assertEquals(Reason.MALFORMED_AMF, reasonOf(new RawMessage(20, 0, 0, bytes("02 0007 636F6E6E"))));
        assertEquals(Reason.MALFORMED_AMF, reasonOf(new RawMessage(20, 0, 0, bytes("0D"))));
        assertEquals(Reason.MALFORMED_AMF, reasonOf(new RawMessage(18, 0, 0, bytes("11 12"))));
        assertEquals(Reason.MALFORMED_AMF, reasonOf(new RawMessage(17, 0, 0, bytes("00 11"))));
        assertEquals(Reason.MALFORMED_AMF, reasonOf(new RawMessage(15, 0, 0, bytes("00 03 0001 61 11"))));
    }

    @Test
    void limitsAmfNestingToMaxAmfDepth() {
        MessageDecoder shallow = new MessageDecoder(new RtmpLimits(1000, 1000, 1000, 8, 2, 100));
        byte[] twoLevels = bytes("03 0001 61 03 0000 09 0000 09");           // {a: {}}
        byte[] threeLevels = bytes("03 0001 61 03 0001 62 03 0000 09 0000 09 0000 09"); // {a: {b: {}}}
        assertEquals(1, ((DataAmf0) shallow.decode(new RawMessage(18, 0, 0, twoLevels))).values().size());
        RtmpProtocolException e = assertThrows(RtmpProtocolException.class,
                () -> shallow.decode(new RawMessage(18, 0, 0, threeLevels)));
        assertEquals(Reason.MALFORMED_AMF, e.reason());
        byte[] amf3ThreeLevels = bytes("00 11 09 03 01 09 03 01 09 01 01"); // [[[]]] in AMF3
        assertEquals(Reason.MALFORMED_AMF,
                assertThrows(RtmpProtocolException.class,
                        () -> shallow.decode(new RawMessage(17, 0, 0, amf3ThreeLevels))).reason());
    }

    @Test
    void rejectsDeepAmfNestingWithoutStackOverflow() {
        byte[] deep = bytes("03 0001 61".repeat(200_000));
        assertEquals(Reason.MALFORMED_AMF, reasonOf(new RawMessage(20, 0, 0, deep)));
    }

    @Test
    void rejectsBrokenAggregates() {
        for (String payload : List.of(
                "08 000002 000000",                                         // header cut short
                "08 000009 00000000 000000 AF01 0000000D",                  // size beyond the payload
                "14 000001 00000000 000000 05 0000000C",                    // a command inside
                "16 000000 00000000 000000 0000000B",                       // an aggregate inside
                "08 000002 00000000 000000 AF01 0000")) {                   // back pointer cut short
            assertEquals(Reason.MALFORMED_AGGREGATE, reasonOf(new RawMessage(22, 1, 0, bytes(payload))), payload);
        }
    }

    @Test
    void neverPrintsCommandArguments() {
        CommandAmf0 publish = new CommandAmf0(1, 0, List.of(AmfValue.string("publish"), AmfValue.number(5),
                AmfValue.NULL, AmfValue.string("sk_live_secret"), AmfValue.string("live")));
        assertFalse(publish.toString().contains("sk_live_secret"), publish.toString());
        assertTrue(publish.toString().contains("publish"));
        RawMessage raw = publish.encode();
        assertFalse(raw.toString().contains("sk_live"), raw.toString());
        assertFalse(new CommandAmf3(1, 0, publish.values()).toString().contains("secret"));
        assertFalse(new DataAmf0(1, 0, List.of(AmfValue.string("sk_live_secret"))).toString().contains("secret"));
    }

    private Reason reasonOf(RawMessage raw) {
        return assertThrows(RtmpProtocolException.class, () -> decoder.decode(raw)).reason();
    }
}
