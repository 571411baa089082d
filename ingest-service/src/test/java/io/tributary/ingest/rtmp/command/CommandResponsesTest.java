package io.tributary.ingest.rtmp.command;

import static io.tributary.ingest.rtmp.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.ingest.rtmp.Hex;
import io.tributary.ingest.rtmp.RecordedSession;
import io.tributary.ingest.rtmp.RtmpLimits;
import io.tributary.ingest.rtmp.chunk.ChunkDecoder;
import io.tributary.ingest.rtmp.chunk.RawMessage;
import io.tributary.ingest.rtmp.command.RtmpCommand.Connect;
import io.tributary.ingest.rtmp.message.RtmpMessage;
import io.tributary.ingest.rtmp.message.SetChunkSize;
import io.tributary.ingest.rtmp.message.SetPeerBandwidth;
import io.tributary.ingest.rtmp.message.UserControl;
import io.tributary.ingest.rtmp.message.UserControlEvent.StreamBegin;
import io.tributary.ingest.rtmp.message.WindowAcknowledgementSize;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CommandResponsesTest {

    record Case(String name, RtmpMessage message, int typeId, int messageStreamId, byte[] payload) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String LEVEL_STATUS = "0005 6C6576656C" + "02 0006 737461747573";    // level: "status"
    static final String LEVEL_ERROR = "0005 6C6576656C" + "02 0005 6572726F72";       // level: "error"
    static final String CODE = "0004 636F6465";                                        // name "code"
    static final String DESCRIPTION = "000B 6465736372697074696F6E";                   // name "description"

    static Stream<Case> cases() {
        Connect connect = new Connect(1, AppName.parse("live"), "rtmp://h/live", "FMLE/3.0", 0, Map.of());
        return Stream.of(
                new Case("connect _result", CommandResponses.connectResult(connect), 20, 0, bytes(
                        "02 0007 5F726573756C74",            // "_result"
                        "00 3FF0000000000000",               // transaction id 1
                        "03",                                // object
                        "0006 666D73566572", "02 000D 464D532F332C302C312C313233", // fmsVer: "FMS/3,0,1,123"
                        "000C 6361706162696C6974696573", "00 403F000000000000",    // capabilities: 31
                        "0000 09",                           // end
                        "03",                                // object
                        LEVEL_STATUS,
                        CODE, "02 001D 4E6574436F6E6E656374696F6E2E436F6E6E6563742E53756363657373",
                        DESCRIPTION, "02 0015 436F6E6E656374696F6E207375636365656465642E", // "Connection succeeded."
                        "000E 6F626A656374456E636F64696E67", "00 0000000000000000", // objectEncoding: 0
                        "0000 09")),
                new Case("connect _error", CommandResponses.connectRejected(1, "app not allowed"), 20, 0, bytes(
                        "02 0006 5F6572726F72",              // "_error"
                        "00 3FF0000000000000",               // transaction id 1
                        "05",                                // null
                        "03", LEVEL_ERROR,
                        CODE, "02 001E 4E6574436F6E6E656374696F6E2E436F6E6E6563742E52656A6563746564",
                        DESCRIPTION, "02 000F 617070206E6F7420616C6C6F776564", // "app not allowed"
                        "0000 09")),
                new Case("createStream _result", CommandResponses.createStreamResult(4, 1), 20, 0, bytes(
                        "02 0007 5F726573756C74",            // "_result"
                        "00 4010000000000000",               // transaction id 4
                        "05",                                // null
                        "00 3FF0000000000000")),             // stream id 1
                new Case("empty _result", CommandResponses.emptyResult(2), 20, 0, bytes(
                        "02 0007 5F726573756C74", "00 4000000000000000", // "_result", 2
                        "05",                                // null
                        "06")),                              // undefined
                new Case("getStreamLength _result", CommandResponses.getStreamLengthResult(5), 20, 0, bytes(
                        "02 0007 5F726573756C74", "00 4014000000000000", "05",
                        "00 0000000000000000")),             // length 0
                new Case("onFCPublish", CommandResponses.onFCPublish(), 20, 0, bytes(
                        "02 000B 6F6E46435075626C697368",    // "onFCPublish"
                        "00 0000000000000000", "05",         // 0, null
                        "03", LEVEL_STATUS,
                        CODE, "02 0017 4E657453747265616D2E5075626C6973682E5374617274",
                        DESCRIPTION, "02 0013 46435075626C6973682061636365707465642E",
                        "0000 09")),
                new Case("onFCUnpublish", CommandResponses.onFCUnpublish(), 20, 0, bytes(
                        "02 000D 6F6E4643556E7075626C697368",  // "onFCUnpublish"
                        "00 0000000000000000", "05",
                        "03", LEVEL_STATUS,
                        CODE, "02 001B 4E657453747265616D2E556E7075626C6973682E53756363657373",
                        DESCRIPTION, "02 0015 4643556E7075626C6973682061636365707465642E",
                        "0000 09")),
                new Case("onStatus NetStream.Publish.Start", CommandResponses.publishStart(1), 20, 1, bytes(
                        "02 0008 6F6E537461747573",          // "onStatus"
                        "00 0000000000000000",               // transaction id 0
                        "05",                                // null
                        "03", LEVEL_STATUS,
                        CODE, "02 0017 4E657453747265616D2E5075626C6973682E5374617274",
                        DESCRIPTION, "02 0011 5374617274207075626C697368696E672E", // "Start publishing."
                        "0000 09")),
                new Case("onStatus NetStream.Publish.BadName",
                        CommandResponses.publishRejected(1, "unknown stream key"), 20, 1, bytes(
                        "02 0008 6F6E537461747573", "00 0000000000000000", "05",
                        "03", LEVEL_ERROR,
                        CODE, "02 0019 4E657453747265616D2E5075626C6973682E4261644E616D65",
                        DESCRIPTION, "02 0012 756E6B6E6F776E2073747265616D206B6579", // the reason
                        "0000 09")),
                new Case("onStatus NetStream.Unpublish.Success", CommandResponses.unpublishSuccess(1), 20, 1, bytes(
                        "02 0008 6F6E537461747573", "00 0000000000000000", "05",
                        "03", LEVEL_STATUS,
                        CODE, "02 001B 4E657453747265616D2E556E7075626C6973682E53756363657373",
                        DESCRIPTION, "02 0010 53746F70207075626C697368696E672E", // "Stop publishing."
                        "0000 09")),
                new Case("Stream Begin", CommandResponses.streamBegin(1), 4, 0, bytes(
                        "0000",                              // event 0: Stream Begin
                        "00000001")));                       // stream 1
    }

    @ParameterizedTest
    @MethodSource("cases")
    void encodesEachResponseExactly(Case c) {
        RawMessage raw = c.message().encode();
        assertEquals(Hex.of(c.payload()), Hex.of(raw.payload()));
        assertEquals(c.typeId(), raw.typeId());
        assertEquals(c.messageStreamId(), raw.messageStreamId());
        assertEquals(0, raw.timestamp());
    }

    @Test
    void echoesTheClientObjectEncodingInConnectResult() {
        Connect amf3 = new Connect(1, AppName.parse("live"), "", "", 3, Map.of());
        byte[] payload = CommandResponses.connectResult(amf3).encode().payload();
        assertEquals("00" + "4008000000000000", Hex.of(Arrays.copyOfRange(payload, payload.length - 12,
                payload.length - 3)).toUpperCase(), "objectEncoding: 3");
    }

    @Test
    void sendsTheControlMessagesOfAConnectInOrder() {
        assertEquals(List.of(new WindowAcknowledgementSize(2_500_000),
                        new SetPeerBandwidth(2_500_000, SetPeerBandwidth.LimitType.DYNAMIC), new SetChunkSize(4096)),
                CommandResponses.controlAfterConnect(2_500_000, 2_500_000, 4096));
        assertEquals(List.of(new UserControl(new StreamBegin(1)), CommandResponses.publishStart(1)),
                CommandResponses.publishAccepted(1));
    }

    /** ffmpeg's own server answered the recorded sessions with the same connect and createStream results. */
    @Test
    void matchesWhatFfmpegsServerAnswered() {
        byte[] s2c = RecordedSession.FFMPEG51_H264_AAC.serverToClient();
        List<RawMessage> recorded = new ChunkDecoder(RtmpLimits.DEFAULTS)
                .feed(Arrays.copyOfRange(s2c, RecordedSession.HANDSHAKE_LENGTH, s2c.length));
        Connect connect = new Connect(1, AppName.parse("live"), "", "", 0, Map.of());
        assertEquals(recorded.get(0), new WindowAcknowledgementSize(2_500_000).encode());
        assertEquals(recorded.get(1), new SetPeerBandwidth(2_500_000, SetPeerBandwidth.LimitType.DYNAMIC).encode());
        assertEquals(recorded.get(2), CommandResponses.streamBegin(0).encode());
        assertEquals(recorded.get(3), new SetChunkSize(128).encode());
        assertEquals(recorded.get(4), CommandResponses.connectResult(connect).encode());
        assertEquals(recorded.get(8), CommandResponses.createStreamResult(4, 1).encode());
    }
}
