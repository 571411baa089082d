package io.tributary.ingest.rtmp.chunk;

import static io.tributary.ingest.rtmp.Hex.bytes;
import static io.tributary.ingest.rtmp.chunk.ChunkDecoderTest.concat;
import static io.tributary.ingest.rtmp.chunk.ChunkDecoderTest.pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.ingest.rtmp.Hex;
import io.tributary.ingest.rtmp.RtmpLimits;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkEncoderTest {

    record Sent(int chunkStreamId, RawMessage message) {
    }

    record Case(String name, List<Sent> messages, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("first message on a chunk stream: fmt 0",
                        List.of(new Sent(2, new RawMessage(5, 0, 0, bytes("002625A0")))),
                        bytes("02",             // fmt 0, csid 2
                                "000000",       // timestamp 0
                                "000004",       // length 4
                                "05",           // Window Acknowledgement Size
                                "00000000",     // stream 0
                                "002625A0")),   // 2,500,000
                new Case("next message on the same stream: fmt 1 with the delta",
                        List.of(new Sent(4, new RawMessage(8, 1, 1000, bytes("AF"))),
                                new Sent(4, new RawMessage(8, 1, 1023, bytes("AF01")))),
                        bytes("04", "0003E8", "000001", "08", "01000000", "AF",
                                "44",           // fmt 1, csid 4
                                "000017",       // delta 23
                                "000002",       // length 2
                                "08",           // audio
                                "AF01")),
                new Case("longer than the chunk size: fmt 3 continuations",
                        List.of(new Sent(3, new RawMessage(20, 0, 0, pattern(300)))),
                        concat(bytes("03", "000000", "00012C", "14", "00000000"),
                                Arrays.copyOfRange(pattern(300), 0, 128),
                                bytes("C3"),    // fmt 3, csid 3
                                Arrays.copyOfRange(pattern(300), 128, 256),
                                bytes("C3"),
                                Arrays.copyOfRange(pattern(300), 256, 300))),
                new Case("extended timestamp, repeated in continuations",
                        List.of(new Sent(6, new RawMessage(9, 1, 0x0100_0000L, pattern(130)))),
                        concat(bytes("06", "FFFFFF", "000082", "09", "01000000",
                                        "01000000"),    // extended timestamp
                                Arrays.copyOfRange(pattern(130), 0, 128),
                                bytes("C6", "01000000"), // fmt 3 + extended timestamp again (spec 5.3.1.3)
                                Arrays.copyOfRange(pattern(130), 128, 130))),
                new Case("extended delta on fmt 1",
                        List.of(new Sent(6, new RawMessage(9, 1, 5, bytes("17"))),
                                new Sent(6, new RawMessage(9, 1, 5 + 0xFF_FFFFL, bytes("27")))),
                        bytes("06", "000005", "000001", "09", "01000000", "17",
                                "46", "FFFFFF", "000001", "09",
                                "00FFFFFF",     // extended delta
                                "27")),
                new Case("timestamp going back: fmt 0 again",
                        List.of(new Sent(4, new RawMessage(8, 1, 100, bytes("AF"))),
                                new Sent(4, new RawMessage(8, 1, 90, bytes("AF")))),
                        bytes("04", "000064", "000001", "08", "01000000", "AF",
                                "04", "00005A", "000001", "08", "01000000", "AF")),
                new Case("another message stream: fmt 0 again",
                        List.of(new Sent(3, new RawMessage(20, 0, 0, bytes("05"))),
                                new Sent(3, new RawMessage(20, 1, 0, bytes("05")))),
                        bytes("03", "000000", "000001", "14", "00000000", "05",
                                "03", "000000", "000001", "14", "01000000", "05")),
                new Case("2-byte and 3-byte chunk stream ids",
                        List.of(new Sent(100, new RawMessage(18, 1, 0, bytes("05"))),
                                new Sent(1000, new RawMessage(18, 1, 0, bytes("05")))),
                        bytes("00", "24", "000000", "000001", "12", "01000000", "05",
                                "01", "A8 03", "000000", "000001", "12", "01000000", "05")),
                new Case("our Set Chunk Size applies to what follows",
                        List.of(new Sent(2, new RawMessage(1, 0, 0, bytes("00000100"))),
                                new Sent(3, new RawMessage(20, 0, 0, pattern(200)))),
                        concat(bytes("02", "000000", "000004", "01", "00000000", "00000100"),
                                bytes("03", "000000", "0000C8", "14", "00000000"),
                                pattern(200))),  // one chunk of 200 bytes
                new Case("empty payload: the header alone",
                        List.of(new Sent(3, new RawMessage(20, 0, 0, new byte[0]))),
                        bytes("03", "000000", "000000", "14", "00000000")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void encodesEachTableCase(Case c) {
        ChunkEncoder encoder = new ChunkEncoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Sent s : c.messages()) {
            out.writeBytes(encoder.encode(s.chunkStreamId(), s.message()));
        }
        assertEquals(Hex.of(c.bytes()), Hex.of(out.toByteArray()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void decodesEachTableCaseBack(Case c) {
        List<RawMessage> decoded = new ChunkDecoder(RtmpLimits.DEFAULTS).feed(c.bytes());
        assertEquals(c.messages().stream().map(Sent::message).toList(), decoded);
    }

    @Test
    void tracksItsChunkSize() {
        ChunkEncoder encoder = new ChunkEncoder();
        assertEquals(128, encoder.chunkSize());
        encoder.encode(2, new RawMessage(1, 0, 0, bytes("00001000")));
        assertEquals(4096, encoder.chunkSize());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65_600, -5})
    void refusesChunkStreamIdsOutsideTheWireRange(int csid) {
        assertThrows(IllegalArgumentException.class,
                () -> new ChunkEncoder().encode(csid, new RawMessage(20, 0, 0, new byte[1])));
    }

    @Test
    void refusesPayloadsBeyondThe24BitLengthField() {
        assertThrows(IllegalArgumentException.class,
                () -> new ChunkEncoder().encode(6, new RawMessage(9, 1, 0, new byte[0x100_0000])));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void roundTripsRandomMessagesThroughTheDecoder(long seed) {
        Random random = new Random(seed);
        ChunkEncoder encoder = new ChunkEncoder();
        List<RawMessage> sent = new ArrayList<>();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        long[] clock = new long[8];
        for (int i = 0; i < 300; i++) {
            RawMessage m;
            int csid;
            if (random.nextInt(20) == 0) {
                csid = 2;
                m = new RawMessage(1, 0, 0, bytes(String.format("%08X", 1 + random.nextInt(5000))));
            } else {
                csid = 3 + random.nextInt(clock.length - 3) + (random.nextBoolean() ? 0 : 400);
                int slot = csid % clock.length;
                clock[slot] = (clock[slot] + (random.nextInt(10) == 0 ? 0x0100_0000L : random.nextInt(100)))
                        & RawMessage.TIMESTAMP_MASK;
                byte[] payload = new byte[random.nextInt(3000)];
                random.nextBytes(payload);
                m = new RawMessage(8 + random.nextInt(2), 1 + random.nextInt(2), clock[slot], payload);
            }
            sent.add(m);
            wire.writeBytes(encoder.encode(csid, m));
        }
        byte[] bytes = wire.toByteArray();
        ChunkDecoder decoder = new ChunkDecoder(RtmpLimits.DEFAULTS);
        List<RawMessage> received = new ArrayList<>();
        for (int at = 0; at < bytes.length; ) {
            int n = Math.min(bytes.length - at, 1 + random.nextInt(5000));
            received.addAll(decoder.feed(bytes, at, n));
            at += n;
        }
        assertEquals(sent, received);
    }
}
