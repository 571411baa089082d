package io.tributary.ingest.rtmp.chunk;

import static io.tributary.ingest.rtmp.Hex.bytes;

import java.util.List;

/** One table of chunk headers and their exact bytes (RTMP spec 5.3.1), for the decode, encode and robustness tests. */
final class ChunkHeaderCases {

    record Case(String name, byte[] bytes, ChunkHeader header) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Canonical encodings: decode and encode both hold. */
    static List<Case> canonical() {
        return List.of(
                new Case("fmt 0, 1-byte csid 3, connect", bytes(
                        "03",                   // fmt 0, csid 3
                        "000000",               // timestamp 0
                        "00008C",               // message length 140
                        "14",                   // type 20: AMF0 command
                        "00000000"),            // message stream id 0 (little-endian)
                        new ChunkHeader(0, 3, 0, 140, 20, 0, false)),
                new Case("fmt 0, 1-byte csid 63, largest", bytes(
                        "3F",                   // fmt 0, csid 63
                        "000001",               // timestamp 1
                        "000001",               // length 1
                        "08",                   // type 8: audio
                        "01000000"),            // stream id 1, little-endian
                        new ChunkHeader(0, 63, 1, 1, 8, 1, false)),
                new Case("fmt 0, 2-byte csid 64, smallest", bytes(
                        "00", "00",             // fmt 0, csid 0 = 2-byte form; 64 + 0
                        "000002",               // timestamp 2
                        "000010",               // length 16
                        "09",                   // type 9: video
                        "01000000"),            // stream id 1
                        new ChunkHeader(0, 64, 2, 16, 9, 1, false)),
                new Case("fmt 0, 2-byte csid 319, largest", bytes(
                        "00", "FF",             // 2-byte form; 64 + 255
                        "000000", "000001", "09", "01000000"),
                        new ChunkHeader(0, 319, 0, 1, 9, 1, false)),
                new Case("fmt 0, 3-byte csid 320, smallest", bytes(
                        "01", "00 01",          // fmt 0, csid 1 = 3-byte form; 64 + 0 + 1 * 256
                        "000000", "000001", "09", "01000000"),
                        new ChunkHeader(0, 320, 0, 1, 9, 1, false)),
                new Case("fmt 0, 3-byte csid 65599, largest", bytes(
                        "01", "FF FF",          // 64 + 255 + 255 * 256
                        "000000", "000001", "09", "01000000"),
                        new ChunkHeader(0, 65_599, 0, 1, 9, 1, false)),
                new Case("fmt 0, stream id 0x04030201", bytes(
                        "05", "000000", "000001", "12",
                        "01020304"),            // little-endian 0x04030201
                        new ChunkHeader(0, 5, 0, 1, 18, 0x0403_0201, false)),
                new Case("fmt 0, extended timestamp", bytes(
                        "04",                   // fmt 0, csid 4
                        "FFFFFF",               // timestamp: see extended
                        "000010",               // length 16
                        "08",                   // audio
                        "01000000",             // stream id 1
                        "01000000"),            // extended timestamp 0x01000000
                        new ChunkHeader(0, 4, 0x0100_0000L, 16, 8, 1, true)),
                new Case("fmt 0, timestamp 0xFFFFFE, largest without extension", bytes(
                        "04", "FFFFFE", "000010", "08", "01000000"),
                        new ChunkHeader(0, 4, 0xFF_FFFE, 16, 8, 1, false)),
                new Case("fmt 0, extended timestamp 0xFFFFFFFF", bytes(
                        "04", "FFFFFF", "000010", "08", "01000000",
                        "FFFFFFFF"),            // extended timestamp 2^32 - 1
                        new ChunkHeader(0, 4, 0xFFFF_FFFFL, 16, 8, 1, true)),
                new Case("fmt 1", bytes(
                        "44",                   // fmt 1, csid 4
                        "000015",               // timestamp delta 21
                        "00010C",               // length 268
                        "08"),                  // audio
                        new ChunkHeader(1, 4, 21, 268, 8, 0, false)),
                new Case("fmt 1, extended delta 0xFFFFFF", bytes(
                        "44", "FFFFFF", "000010", "08",
                        "00FFFFFF"),            // extended delta: exactly the marker value needs the extension
                        new ChunkHeader(1, 4, 0xFF_FFFF, 16, 8, 0, true)),
                new Case("fmt 1, 2-byte csid 100", bytes(
                        "40", "24",             // fmt 1, 2-byte form; 64 + 36
                        "000021", "000005", "09"),
                        new ChunkHeader(1, 100, 33, 5, 9, 0, false)),
                new Case("fmt 2", bytes(
                        "86",                   // fmt 2, csid 6
                        "000021"),              // timestamp delta 33
                        new ChunkHeader(2, 6, 33, 0, 0, 0, false)),
                new Case("fmt 2, extended delta", bytes(
                        "86", "FFFFFF",
                        "12345678"),            // extended delta
                        new ChunkHeader(2, 6, 0x1234_5678L, 0, 0, 0, true)),
                new Case("fmt 2, 3-byte csid 1000", bytes(
                        "81", "A8 03",          // fmt 2, 3-byte form; 64 + 0xA8 + 3 * 256
                        "000001"),
                        new ChunkHeader(2, 1000, 1, 0, 0, 0, false)),
                new Case("fmt 3", bytes(
                        "C6"),                  // fmt 3, csid 6
                        new ChunkHeader(3, 6, 0, 0, 0, 0, false)),
                new Case("fmt 3, extended timestamp repeated", bytes(
                        "C4",                   // fmt 3, csid 4
                        "01000000"),            // extended timestamp of the stream's last header
                        new ChunkHeader(3, 4, 0x0100_0000L, 0, 0, 0, true)),
                new Case("fmt 3, 2-byte csid 64", bytes(
                        "C0", "00"),            // fmt 3, 2-byte form, 64
                        new ChunkHeader(3, 64, 0, 0, 0, 0, false)),
                new Case("fmt 3, 3-byte csid 65599", bytes(
                        "C1", "FF FF"),         // fmt 3, 3-byte form, 65599
                        new ChunkHeader(3, 65_599, 0, 0, 0, 0, false)));
    }

    /** Non-canonical but valid encodings: decode only. */
    static List<Case> decodeOnly() {
        return List.of(
                new Case("fmt 0, 3-byte form of csid 100", bytes(
                        "01", "24 00",          // 3-byte form; 64 + 36 + 0 * 256
                        "000000", "000001", "09", "01000000"),
                        new ChunkHeader(0, 100, 0, 1, 9, 1, false)),
                new Case("fmt 2, 3-byte form of csid 319", bytes(
                        "81", "FF 00",          // 3-byte form; 64 + 255 + 0 * 256
                        "000001"),
                        new ChunkHeader(2, 319, 1, 0, 0, 0, false)));
    }

    private ChunkHeaderCases() {
    }
}
