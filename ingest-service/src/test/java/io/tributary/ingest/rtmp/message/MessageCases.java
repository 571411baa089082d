package io.tributary.ingest.rtmp.message;

import static io.tributary.ingest.rtmp.Hex.bytes;

import io.tributary.ingest.rtmp.chunk.RawMessage;
import io.tributary.ingest.rtmp.message.UserControlEvent.PingRequest;
import io.tributary.ingest.rtmp.message.UserControlEvent.PingResponse;
import io.tributary.ingest.rtmp.message.UserControlEvent.SetBufferLength;
import io.tributary.ingest.rtmp.message.UserControlEvent.StreamBegin;
import io.tributary.ingest.rtmp.message.UserControlEvent.StreamDry;
import io.tributary.ingest.rtmp.message.UserControlEvent.StreamEof;
import io.tributary.ingest.rtmp.message.UserControlEvent.StreamIsRecorded;
import io.tributary.ingest.rtmp.message.UserControlEvent.UnknownEvent;
import io.tributary.media.amf.AmfValue;
import io.tributary.media.amf.AmfValue.AmfEcmaArray;
import io.tributary.media.amf.AmfValue.AmfObject;
import java.util.List;
import java.util.Map;

/** One table of RTMP messages and their exact payloads (RTMP spec 5.4, 6.2, 7.1), for decode, encode and robustness. */
final class MessageCases {

    record Case(String name, RawMessage raw, RtmpMessage message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String CONNECT = "02 0007 636F6E6E656374";            // string "connect"
    static final String ONE = "00 3FF0000000000000";                   // number 1
    static final String APP_LIVE_OBJECT = "03 0003 617070 02 0004 6C697665 0000 09"; // {app: "live"}
    static final AmfObject APP_LIVE = new AmfObject(Map.of("app", AmfValue.string("live")));

    static RawMessage control(int type, String... payload) {
        return new RawMessage(type, 0, 0, bytes(payload));
    }

    /** Encoding gives back exactly these bytes. */
    static List<Case> canonical() {
        return List.of(
                new Case("Set Chunk Size 4096", control(1, "00001000"), new SetChunkSize(4096)),
                new Case("Set Chunk Size 2^31-1", control(1, "7FFFFFFF"), new SetChunkSize(Integer.MAX_VALUE)),
                new Case("Abort chunk stream 4", control(2, "00000004"), new Abort(4)),
                new Case("Acknowledgement 2^32-1", control(3, "FFFFFFFF"), new Acknowledgement(0xFFFF_FFFFL)),
                new Case("User Control Stream Begin 1", control(4,
                        "0000",                 // event 0: Stream Begin
                        "00000001"),            // stream id 1
                        new UserControl(new StreamBegin(1))),
                new Case("User Control Stream EOF", control(4, "0001", "00000001"),
                        new UserControl(new StreamEof(1))),
                new Case("User Control Stream Dry", control(4, "0002", "00000001"),
                        new UserControl(new StreamDry(1))),
                new Case("User Control Set Buffer Length", control(4,
                        "0003",                 // event 3: Set Buffer Length
                        "00000001",             // stream id 1
                        "00000BB8"),            // 3000 ms
                        new UserControl(new SetBufferLength(1, 3000))),
                new Case("User Control Stream Is Recorded", control(4, "0004", "00000001"),
                        new UserControl(new StreamIsRecorded(1))),
                new Case("User Control Ping Request", control(4,
                        "0006",                 // event 6: Ping Request
                        "12345678"),            // server timestamp
                        new UserControl(new PingRequest(0x1234_5678L))),
                new Case("User Control Ping Response", control(4, "0007", "12345678"),
                        new UserControl(new PingResponse(0x1234_5678L))),
                new Case("User Control buffer empty (31), unknown", control(4, "001F", "00000001"),
                        new UserControl(new UnknownEvent(31, bytes("00000001")))),
                new Case("Window Acknowledgement Size 2,500,000", control(5, "002625A0"),
                        new WindowAcknowledgementSize(2_500_000)),
                new Case("Set Peer Bandwidth hard", control(6,
                        "002625A0",             // window size 2,500,000
                        "00"),                  // limit type 0: hard
                        new SetPeerBandwidth(2_500_000, SetPeerBandwidth.LimitType.HARD)),
                new Case("Set Peer Bandwidth soft", control(6, "002625A0", "01"),
                        new SetPeerBandwidth(2_500_000, SetPeerBandwidth.LimitType.SOFT)),
                new Case("Set Peer Bandwidth dynamic", control(6, "002625A0", "02"),
                        new SetPeerBandwidth(2_500_000, SetPeerBandwidth.LimitType.DYNAMIC)),
                new Case("Audio: AAC sequence header", new RawMessage(8, 1, 0, bytes(
                        "AF",                   // AAC, 44 kHz, 16-bit, stereo
                        "00",                   // AACPacketType 0: sequence header
                        "1190")),               // AudioSpecificConfig
                        new Audio(1, 0, bytes("AF00 1190"))),
                new Case("Video: AVC keyframe at 2^32-1", new RawMessage(9, 1, 0xFFFF_FFFFL, bytes(
                        "17",                   // keyframe, AVC
                        "01",                   // AVCPacketType 1: NALUs
                        "000000",               // composition time 0
                        "00000002 0910")),      // one NALU
                        new Video(1, 0xFFFF_FFFFL, bytes("17 01 000000 00000002 0910"))),
                new Case("Data AMF0 @setDataFrame", new RawMessage(18, 1, 0, bytes(
                        "02 000D 40736574446174614672616D65", // "@setDataFrame"
                        "02 000A 6F6E4D65746144617461",       // "onMetaData"
                        "08 00000001",                        // ECMA array, 1 property
                        "0005 7769647468 00 4084000000000000", // width: 640
                        "0000 09")),                          // end
                        new DataAmf0(1, 0, List.of(AmfValue.string("@setDataFrame"), AmfValue.string("onMetaData"),
                                new AmfEcmaArray(Map.of("width", AmfValue.number(640)))))),
                new Case("Command AMF0 connect", new RawMessage(20, 0, 0, bytes(CONNECT, ONE, APP_LIVE_OBJECT)),
                        new CommandAmf0(0, 0, List.of(AmfValue.string("connect"), AmfValue.number(1), APP_LIVE))),
                new Case("Command AMF3 (format byte, AMF0 values)", new RawMessage(17, 0, 0, bytes(
                        "00",                   // format byte
                        CONNECT, ONE, APP_LIVE_OBJECT)),
                        new CommandAmf3(0, 0, List.of(AmfValue.string("connect"), AmfValue.number(1), APP_LIVE))),
                new Case("Data AMF3 (format byte, AMF0 values)", new RawMessage(15, 1, 40, bytes(
                        "00",                   // format byte
                        "02 000A 6F6E4D65746144617461", // "onMetaData"
                        "05")),                 // null
                        new DataAmf3(1, 40, List.of(AmfValue.string("onMetaData"), AmfValue.NULL))),
                new Case("Shared Object AMF0, kept raw", new RawMessage(19, 0, 0, bytes("0003 616263 00000000")),
                        new SharedObject(19, 0, 0, bytes("0003 616263 00000000"))),
                new Case("Shared Object AMF3, kept raw", new RawMessage(16, 0, 0, bytes("00 0003 616263")),
                        new SharedObject(16, 0, 0, bytes("00 0003 616263"))),
                new Case("Aggregate of audio and video", new RawMessage(22, 1, 1000, bytes(
                        "08",                   // sub-message type: audio
                        "000002",               // size 2
                        "0003E8 00",            // timestamp 1000 (24 bits + 8 high bits)
                        "000000",               // stream id 0
                        "AF01",                 // body
                        "0000000D",             // back pointer: 11 + 2
                        "09", "000005", "000409 00", "000000", // video, 5 bytes, timestamp 1033
                        "1701000000",
                        "00000010")),           // back pointer: 11 + 5
                        new Aggregate(1, 1000, List.of(new Audio(1, 1000, bytes("AF01")),
                                new Video(1, 1033, bytes("1701000000"))))),
                new Case("Unknown type 7", new RawMessage(7, 0, 0, bytes("0102")),
                        new UnknownMessage(7, 0, 0, bytes("0102"))),
                new Case("Unknown type 255", new RawMessage(255, 3, 9, bytes("")),
                        new UnknownMessage(255, 3, 9, new byte[0])));
    }

    /** Valid variants that encode differently: decode only. */
    static List<Case> decodeOnly() {
        return List.of(
                new Case("Command AMF3 with an AMF3 command object (0x11)", new RawMessage(17, 0, 0, bytes(
                        "00",                   // format byte
                        CONNECT, ONE,
                        "11",                   // avmplus-object marker: the next value is AMF3
                        "0A 0B 01",             // AMF3 anonymous dynamic object
                        "07 617070 06 09 6C697665", // app: "live"
                        "01")),                 // end of dynamic members
                        new CommandAmf3(0, 0, List.of(AmfValue.string("connect"), AmfValue.number(1), APP_LIVE))),
                new Case("Command AMF3 with AMF3 values between AMF0 values", new RawMessage(17, 0, 0, bytes(
                        "00", CONNECT,
                        "11 04 01",             // AMF3 integer 1
                        "11 01",                // AMF3 null
                        "02 0001 78")),         // AMF0 string "x"
                        new CommandAmf3(0, 0, List.of(AmfValue.string("connect"), AmfValue.number(1), AmfValue.NULL,
                                AmfValue.string("x")))),
                new Case("Command AMF3 without the format byte", new RawMessage(17, 0, 0, bytes(CONNECT, ONE)),
                        new CommandAmf3(0, 0, List.of(AmfValue.string("connect"), AmfValue.number(1)))),
                new Case("Data AMF3 with AMF3 metadata", new RawMessage(15, 1, 0, bytes(
                        "00", "02 000A 6F6E4D65746144617461", // "onMetaData"
                        "11 09 01 0B 7769647468 04 85 00 01")), // AMF3 array {width: 640}, no dense part
                        new DataAmf3(1, 0, List.of(AmfValue.string("onMetaData"),
                                new AmfEcmaArray(Map.of("width", AmfValue.number(640)))))),
                new Case("Set Chunk Size with trailing bytes", control(1, "00001000", "0000"), new SetChunkSize(4096)),
                new Case("Aggregate re-bases its sub-message timestamps", new RawMessage(22, 1, 5000, bytes(
                        "08", "000002", "000000 00", "000000", "AF01", "0000000D",  // timestamp 0
                        "09", "000005", "000021 00", "000000", "1701000000", "00000010")), // timestamp 33
                        new Aggregate(1, 5000, List.of(new Audio(1, 5000, bytes("AF01")),
                                new Video(1, 5033, bytes("1701000000"))))),
                new Case("Aggregate without the last back pointer", new RawMessage(22, 1, 0, bytes(
                        "08", "000002", "000000 00", "000000", "AF01")),
                        new Aggregate(1, 0, List.of(new Audio(1, 0, bytes("AF01"))))),
                new Case("Aggregate with an 8-bit timestamp extension and data", new RawMessage(22, 1, 0x0100_0000L,
                        bytes("12", "00000E", "000000 01", "000000", // data, timestamp 2^24
                                "02 000A 6F6E4D65746144617461 05", "00000019")),
                        new Aggregate(1, 0x0100_0000L, List.of(new DataAmf0(1, 0x0100_0000L,
                                List.of(AmfValue.string("onMetaData"), AmfValue.NULL))))));
    }

    private MessageCases() {
    }
}
