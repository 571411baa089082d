package io.tributary.media.flv;

import static io.tributary.media.Hex.bytes;

import io.tributary.media.amf.AmfValue;

import java.util.List;
import java.util.Map;

/** Small FLV streams and the header and tags they hold; read by the reader, writer and robustness tests. */
final class FlvStreamCases {

    record Case(String name, byte[] bytes, FlvHeader header, List<FlvTag> tags) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> all() {
        return List.of(
                new Case("header only", bytes(
                        "464C56",               // signature "FLV"
                        "01",                   // version 1
                        "05",                   // TypeFlagsAudio | TypeFlagsVideo
                        "00000009",             // DataOffset 9
                        "00000000"),            // PreviousTagSize0
                        new FlvHeader(true, true), List.of()),
                new Case("script, video and audio tags", bytes(
                        "464C56", "01",         // "FLV", version 1
                        "05",                   // audio and video
                        "00000009",             // DataOffset 9
                        "00000000",             // PreviousTagSize0
                        // tag 1: onMetaData
                        "12",                   // TagType 18 script data
                        "000025",               // DataSize 37
                        "000000", "00",         // Timestamp 0, TimestampExtended 0
                        "000000",               // StreamID 0
                        "02", "000A", "6F6E4D65746144617461", // "onMetaData"
                        "08", "00000001",       // ECMA array, 1 entry
                        "0005", "7769647468",   // "width"
                        "00", "4084000000000000", // 640
                        "0000", "09",           // object-end
                        "00000030",             // PreviousTagSize 48
                        // tag 2: AVC sequence header (body trimmed to the header)
                        "09",                   // TagType 9 video
                        "000005",               // DataSize 5
                        "0003E8", "00",         // Timestamp 1000
                        "000000",               // StreamID
                        "17", "00", "000000",   // key frame, AVC, sequence header, CTS 0
                        "00000010",             // PreviousTagSize 16
                        // tag 3: AAC raw frame
                        "08",                   // TagType 8 audio
                        "000004",               // DataSize 4
                        "0003F2", "00",         // Timestamp 1010
                        "000000",               // StreamID
                        "AF", "01", "2110",     // AAC raw, two payload bytes
                        "0000000F"),            // PreviousTagSize 15
                        new FlvHeader(true, true), List.of(
                                ScriptDataTag.of(0, "onMetaData",
                                        new AmfValue.AmfEcmaArray(Map.of("width", AmfValue.number(640)))),
                                new VideoTag(1000, bytes("17 00 000000")),
                                new AudioTag(1010, bytes("AF 01 2110")))),
                new Case("video only with an extended timestamp", bytes(
                        "464C56", "01",         // "FLV", version 1
                        "01",                   // video only
                        "00000009",             // DataOffset 9
                        "00000000",             // PreviousTagSize0
                        "09",                   // TagType 9 video
                        "000006",               // DataSize 6
                        "345678", "12",         // Timestamp 0x345678, TimestampExtended 0x12: 0x12345678 ms
                        "000000",               // StreamID
                        "A3", "68766331", "AA", // E-RTMP inter CodedFramesX hvc1, one payload byte
                        "00000011"),            // PreviousTagSize 17
                        new FlvHeader(false, true), List.of(new VideoTag(0x12345678L, bytes("A3 68766331 AA")))),
                new Case("audio only with the largest timestamp", bytes(
                        "464C56", "01",         // "FLV", version 1
                        "04",                   // audio only
                        "00000009",             // DataOffset 9
                        "00000000",             // PreviousTagSize0
                        "08",                   // TagType 8 audio
                        "000001",               // DataSize 1
                        "FFFFFF", "FF",         // 0xFFFFFFFF ms, about 49.7 days
                        "000000",               // StreamID
                        "2E",                   // MP3 header, empty frame
                        "0000000C"),            // PreviousTagSize 12
                        new FlvHeader(true, false), List.of(new AudioTag(0xFFFFFFFFL, bytes("2E")))));
    }

    private FlvStreamCases() {
    }
}
