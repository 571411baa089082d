package io.tributary.ingest.rtmp.chunk;

import static io.tributary.ingest.rtmp.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.ingest.rtmp.RtmpLimits;
import io.tributary.ingest.rtmp.RtmpProtocolException;
import io.tributary.ingest.rtmp.RtmpProtocolException.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkDecoderTest {

    private final ChunkDecoder decoder = new ChunkDecoder(RtmpLimits.DEFAULTS);

    @Test
    void decodesOneChunkMessageAndAppliesSetChunkSize() {
        List<RawMessage> out = decoder.feed(bytes(
                "02",                   // fmt 0, csid 2
                "000000",               // timestamp 0
                "000004",               // length 4
                "01",                   // type 1: Set Chunk Size
                "00000000",             // stream 0
                "00001000"));           // 4096
        assertEquals(List.of(new RawMessage(1, 0, 0, bytes("00001000"))), out);
        assertEquals(4096, decoder.chunkSize());
        assertEquals(ChunkDecoder.State.HEADER, decoder.state());
    }

    @Test
    void reassemblesMessageFromContinuationChunks() {
        byte[] payload = pattern(300);
        List<RawMessage> out = decoder.feed(concat(
                bytes("04", "0003E8", "00012C", "09", "01000000"), // fmt 0, csid 4, ts 1000, 300 bytes, video, stream 1
                Arrays.copyOfRange(payload, 0, 128),
                bytes("C4"),                                      // fmt 3 continuation
                Arrays.copyOfRange(payload, 128, 256),
                bytes("C4"),
                Arrays.copyOfRange(payload, 256, 300)));
        assertEquals(List.of(new RawMessage(9, 1, 1000, payload)), out);
        assertEquals(0, decoder.bufferedBytes());
    }

    @Test
    void interleavesMessagesOfDifferentChunkStreams() {
        byte[] video = pattern(200);
        byte[] audio = pattern(50);
        List<RawMessage> out = decoder.feed(concat(
                bytes("06", "000000", "0000C8", "09", "01000000"), // video, 200 bytes on csid 6
                Arrays.copyOfRange(video, 0, 128),
                bytes("04", "000000", "000032", "08", "01000000"), // audio, 50 bytes on csid 4
                audio,
                bytes("C6"),
                Arrays.copyOfRange(video, 128, 200)));
        assertEquals(List.of(new RawMessage(8, 1, 0, audio), new RawMessage(9, 1, 0, video)), out);
    }

    @Test
    void accumulatesTimestampDeltas() {
        List<RawMessage> out = decoder.feed(bytes(
                "04", "0003E8", "000001", "08", "01000000", "AA", // fmt 0: timestamp 1000
                "44", "000014", "000002", "08", "BBBB",           // fmt 1: +20, length 2
                "84", "00001E", "CCCC",                           // fmt 2: +30, same length
                "C4", "DDDD"));                                   // fmt 3, new message: +30 again
        assertEquals(List.of(1000L, 1020L, 1050L, 1080L), timestamps(out));
        assertArrayEquals(bytes("DDDD"), out.get(3).payload());
        assertEquals(List.of(1, 1, 1, 1), out.stream().map(RawMessage::messageStreamId).toList());
    }

    @Test
    void type3AfterType0AddsTheType0TimestampAsDelta() {
        // RTMP spec 5.3.1.2.4: "the timestamp delta for this Type 3 chunk is the same as the timestamp of the
        // Type 0 chunk"; ffmpeg reads it so too
        List<RawMessage> out = decoder.feed(bytes(
                "04", "000028", "000001", "08", "01000000", "AA", // fmt 0: timestamp 40
                "C4", "BB"));                                     // fmt 3: 40 + 40
        assertEquals(List.of(40L, 80L), timestamps(out));
    }

    @Test
    void wrapsTimestampsModulo2Pow32() {
        List<RawMessage> out = decoder.feed(bytes(
                "04", "FFFFFF", "000001", "08", "01000000", "FFFFFFF0", "AA", // timestamp 2^32 - 16
                "44", "000020", "000001", "08", "BB"));                       // +32
        assertEquals(List.of(0xFFFF_FFF0L, 16L), timestamps(out));
    }

    @Test
    void readsExtendedTimestampRepeatedInContinuationChunks() {
        byte[] payload = pattern(200);
        List<RawMessage> out = decoder.feed(concat(
                bytes("04", "FFFFFF", "0000C8", "09", "01000000", "01000000"), // extended timestamp 2^24
                Arrays.copyOfRange(payload, 0, 128),
                bytes("C4", "01000000"),                                     // continuation repeats it
                Arrays.copyOfRange(payload, 128, 200)));
        assertEquals(List.of(new RawMessage(9, 1, 0x0100_0000L, payload)), out);
    }

    @Test
    void readsContinuationChunksThatOmitTheExtendedTimestamp() {
        byte[] first = pattern(200);
        byte[] second = pattern(130);
        List<RawMessage> out = decoder.feed(concat(
                bytes("04", "FFFFFF", "0000C8", "09", "01000000", "01000000"),
                Arrays.copyOfRange(first, 0, 128),
                bytes("C4"),                                                 // no extended timestamp
                Arrays.copyOfRange(first, 128, 200),
                bytes("04", "FFFFFF", "000082", "09", "01000000", "01000010"),
                Arrays.copyOfRange(second, 0, 128),
                bytes("C4"),                                                 // the habit is kept
                Arrays.copyOfRange(second, 128, 130)));
        assertEquals(List.of(new RawMessage(9, 1, 0x0100_0000L, first), new RawMessage(9, 1, 0x0100_0010L, second)),
                out);
    }

    @Test
    void detectsOmittedExtendedTimestampWhenContinuationIsShorterThanFourBytes() {
        byte[] payload = pattern(130);
        List<RawMessage> out = decoder.feed(concat(
                bytes("04", "FFFFFF", "000082", "09", "01000000", "01000000"),
                Arrays.copyOfRange(payload, 0, 128),
                bytes("C4"),
                Arrays.copyOfRange(payload, 128, 130),                       // 2 bytes, then the next header
                bytes("02", "000000", "000004", "05", "00000000", "002625A0")));
        assertEquals(List.of(new RawMessage(9, 1, 0x0100_0000L, payload), new RawMessage(5, 0, 0, bytes("002625A0"))),
                out);
    }

    @Test
    void newMessageInType3ChunkAddsExtendedDelta() {
        List<RawMessage> out = decoder.feed(bytes(
                "44", "FFFFFF", "000001", "08", "01000000", "AA", // fmt 1 on a new stream, extended delta 2^24
                "C4", "01000000", "BB"));                         // fmt 3 new message, repeats the extension
        assertEquals(List.of(0x0100_0000L, 0x0200_0000L), timestamps(out));
    }

    @Test
    void readsExtendedDeltasOnType1And2() {
        List<RawMessage> out = decoder.feed(bytes(
                "04", "000010", "000001", "08", "01000000", "AA", // timestamp 16
                "44", "FFFFFF", "000001", "08", "01000000", "BB", // +2^24
                "84", "FFFFFF", "00000001", "CC"));               // +1
        assertEquals(List.of(16L, 0x0100_0010L, 0x0100_0011L), timestamps(out));
    }

    @Test
    void appliesSetChunkSizeToTheFollowingChunksOfTheSameFeed() {
        byte[] payload = pattern(300);
        List<RawMessage> out = decoder.feed(concat(
                bytes("02", "000000", "000004", "01", "00000000", "0000012C"), // Set Chunk Size 300
                bytes("04", "000000", "00012C", "09", "01000000"),             // 300 bytes in one chunk
                payload));
        assertEquals(new RawMessage(9, 1, 0, payload), out.get(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"00000001", "7FFFFFFF"})
    void acceptsChunkSizesFromOneTo2Pow31Minus1(String size) {
        byte[] payload = bytes("000102");
        List<RawMessage> out = decoder.feed(bytes(
                "02", "000000", "000004", "01", "00000000", size,
                "04", "000000", "000003", "09", "01000000",
                size.equals("00000001") ? "00 C4 01 C4 02" : "00 01 02")); // 1-byte chunks, or one chunk
        assertEquals(new RawMessage(9, 1, 0, payload), out.get(1));
        assertEquals(Integer.parseUnsignedInt(size, 16), decoder.chunkSize());
    }

    @ParameterizedTest
    @ValueSource(strings = {"00000000", "80000000", "FFFFFFFF"})
    void rejectsChunkSizeZeroOrWithTheTopBitSet(String size) {
        assertFails(Reason.INVALID_CHUNK_SIZE, bytes("02", "000000", "000004", "01", "00000000", size));
    }

    @Test
    void rejectsSetChunkSizeShorterThanFourBytes() {
        assertFails(Reason.MALFORMED_CONTROL_MESSAGE, bytes("02", "000000", "000003", "01", "00000000", "001000"));
    }

    @Test
    void abortDropsThePartialMessage() {
        List<RawMessage> out = decoder.feed(concat(
                bytes("04", "000000", "0000C8", "09", "01000000"), // 200 bytes announced
                pattern(128),                                      // first chunk only
                bytes("02", "000000", "000004", "02", "00000000", "00000004"), // Abort chunk stream 4
                bytes("04", "000000", "000002", "09", "01000000", "1701")));   // a new message on csid 4
        assertEquals(List.of(new RawMessage(2, 0, 0, bytes("00000004")), new RawMessage(9, 1, 0, bytes("1701"))), out);
        assertEquals(0, decoder.bufferedBytes());
    }

    @Test
    void abortOfAnUnknownChunkStreamIsHarmless() {
        List<RawMessage> out = decoder.feed(bytes("02", "000000", "000004", "02", "00000000", "0000FFFF"));
        assertEquals(1, out.size());
        assertEquals(ChunkDecoder.State.HEADER, decoder.state());
    }

    @Test
    void newHeaderAbandonsThePartialMessageOfItsChunkStream() {
        List<RawMessage> out = decoder.feed(concat(
                bytes("04", "000000", "0000C8", "09", "01000000"),
                pattern(128),
                bytes("44", "000021", "000002", "09", "1701")));
        assertEquals(List.of(new RawMessage(9, 1, 33, bytes("1701"))), out);
        assertEquals(0, decoder.bufferedBytes());
    }

    @Test
    void acceptsType1HeaderOnANewChunkStreamAsIfThePreviousWereZero() {
        List<RawMessage> out = decoder.feed(bytes("44", "000010", "000001", "08", "AF"));
        assertEquals(List.of(new RawMessage(8, 0, 16, bytes("AF"))), out);
    }

    @Test
    void rejectsType2HeaderOnANewChunkStream() {
        assertFails(Reason.NO_PREVIOUS_HEADER, bytes("84", "000010"));
    }

    @Test
    void rejectsType3HeaderOnANewChunkStream() {
        assertFails(Reason.NO_PREVIOUS_HEADER, bytes("C4"));
    }

    @Test
    void rejectsMediaMessageLongerThanLimitAtItsHeader() {
        // 8 MiB + 1, no payload sent
        assertFails(Reason.MESSAGE_TOO_LONG, bytes("04", "000000", "800001", "09", "01000000"));
    }

    @Test
    void rejectsCommandLongerThanLimitAtItsHeader() {
        assertFails(Reason.MESSAGE_TOO_LONG, bytes("03", "000000", "040001", "14", "00000000")); // 256 KiB + 1
    }

    @Test
    void acceptsMessagesOfExactlyTheLimit() {
        ChunkDecoder exact = new ChunkDecoder(new RtmpLimits(100, 50, 1000, 8, 8, 100));
        exact.feed(bytes("02", "000000", "000004", "01", "00000000", "00000100"));
        assertEquals(100, exact.feed(concat(bytes("04", "000000", "000064", "09", "01000000"), pattern(100)))
                .get(0).payload().length);
        assertEquals(50, exact.feed(concat(bytes("03", "000000", "000032", "14", "00000000"), pattern(50)))
                .get(0).payload().length);
    }

    @Test
    void rejectsMoreChunkStreamsThanLimit() {
        ChunkDecoder few = new ChunkDecoder(new RtmpLimits(1000, 1000, 10_000, 3, 8, 100));
        few.feed(bytes("03", "000000", "000001", "14", "00000000", "05"));
        few.feed(bytes("04", "000000", "000001", "08", "01000000", "AF"));
        few.feed(bytes("45", "000000", "000001", "09", "17")); // type 1 on a new stream counts too
        assertEquals(3, few.chunkStreamCount());
        assertFails(few, Reason.TOO_MANY_CHUNK_STREAMS, bytes("06", "000000", "000001", "09", "01000000"));
    }

    @Test
    void rejectsIncompleteMessagesOverTheBufferingBudget() {
        ChunkDecoder budget = new ChunkDecoder(new RtmpLimits(800, 800, 1000, 8, 8, 100));
        budget.feed(concat(bytes("04", "000000", "000320", "09", "01000000"), pattern(128))); // 800 announced
        assertEquals(800, budget.bufferedBytes());
        assertFails(budget, Reason.TOO_MANY_BUFFERED_BYTES, bytes("06", "000000", "0000C9", "09", "01000000"));
    }

    @Test
    void allocatesForTheBytesReceivedNotTheLengthDeclared() {
        ChunkDecoder roomy = new ChunkDecoder(new RtmpLimits(0x80_0000, 1024, Integer.MAX_VALUE, 64, 8, 100));
        for (int csid = 4; csid < 12; csid++) {
            // 8 MiB - 1 announced, one 128-byte chunk sent
            roomy.feed(concat(bytes(String.format("%02X", csid), "000000", "7FFFFF", "09", "01000000"), pattern(128)));
        }
        assertEquals(8L * 0x7F_FFFF, roomy.bufferedBytes(), "declared");
        assertEquals(8L * ChunkStream.INITIAL_BUFFER, roomy.assemblyBufferBytes(), "allocated");
        roomy.feed(bytes("02", "000000", "000004", "01", "00000000", "7FFFFFFF")); // a huge chunk size
        roomy.feed(concat(bytes("CB"), pattern(200_000)));                         // csid 11 goes on
        assertTrue(roomy.assemblyBufferBytes() <= 7L * ChunkStream.INITIAL_BUFFER + 2 * 200_128,
                "allocated " + roomy.assemblyBufferBytes());
    }

    @Test
    void assemblesAMessageNoLongerThanOneTheStreamCarriedInOneArrayOfItsLength() {
        ChunkDecoder d = new ChunkDecoder(RtmpLimits.DEFAULTS);
        int keyframe = ChunkStream.INITIAL_BUFFER + 30_000; // a 720p keyframe
        String length = String.format("%06X", keyframe);
        d.feed(bytes("02", "000000", "000004", "01", "00000000", "00001000")); // chunk size 4096
        d.feed(concat(bytes("06", "000000", length, "09", "01000000"), chunked(pattern(keyframe), 4096, "C6")));
        d.feed(concat(bytes("06", "000000", length, "09", "01000000"), pattern(4096))); // its first chunk
        assertEquals(keyframe, d.assemblyBufferBytes(), "the stream has carried a message this long");
        d.feed(concat(bytes("07", "000000", length, "09", "01000000"), pattern(100)));
        assertEquals(keyframe + ChunkStream.INITIAL_BUFFER, d.assemblyBufferBytes(), "a new stream starts small");
    }

    /** {@code payload} as continuation chunks of {@code chunkSize}, each after the first behind {@code header}. */
    private static byte[] chunked(byte[] payload, int chunkSize, String header) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < payload.length; at += chunkSize) {
            if (at > 0) {
                out.writeBytes(bytes(header));
            }
            out.write(payload, at, Math.min(chunkSize, payload.length - at));
        }
        return out.toByteArray();
    }

    @Test
    void deliversZeroLengthMessages() {
        assertEquals(List.of(new RawMessage(20, 0, 0, new byte[0]), new RawMessage(20, 0, 0, new byte[0])),
                decoder.feed(bytes("03", "000000", "000000", "14", "00000000", "C3")));
    }

    @Test
    void staysFailedAfterAnError() {
        assertFails(Reason.NO_PREVIOUS_HEADER, bytes("C4"));
        assertEquals(ChunkDecoder.State.FAILED, decoder.state());
        RtmpProtocolException e = assertThrows(RtmpProtocolException.class,
                () -> decoder.feed(bytes("02", "000000", "000004", "05", "00000000", "002625A0")));
        assertEquals(Reason.DECODER_FAILED, e.reason());
    }

    @Test
    void givesTheSameMessagesFedByteByByte() {
        byte[] stream = concat(
                bytes("02", "000000", "000004", "01", "00000000", "00000040"), // chunk size 64
                bytes("04", "FFFFFF", "000096", "09", "01000000", "01000000"), // 150 bytes, extended timestamp
                pattern(64), bytes("C4", "01000000"), pattern(64), bytes("C4", "01000000"), pattern(22),
                bytes("44", "000021", "000003", "08", "AF0102"),
                bytes("C4"));                                                 // a new message, no payload yet
        List<RawMessage> whole = new ChunkDecoder(RtmpLimits.DEFAULTS).feed(stream);
        List<RawMessage> pieces = new ArrayList<>();
        for (byte b : stream) {
            pieces.addAll(decoder.feed(ByteBuffer.wrap(new byte[] {b})));
        }
        assertEquals(whole, pieces);
        assertEquals(3, whole.size());
        assertEquals(stream.length, decoder.bytesReceived());
    }

    @Test
    void decodesThreeByteChunkStreamIds() {
        List<RawMessage> out = decoder.feed(bytes("01", "FF FF", "000005", "000001", "12", "01000000", "02"));
        assertEquals(List.of(new RawMessage(18, 1, 5, bytes("02"))), out);
    }

    private void assertFails(Reason reason, byte[] input) {
        assertFails(decoder, reason, input);
    }

    private static void assertFails(ChunkDecoder d, Reason reason, byte[] input) {
        RtmpProtocolException e = assertThrows(RtmpProtocolException.class, () -> d.feed(input));
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(ChunkDecoder.State.FAILED, d.state());
    }

    private static List<Long> timestamps(List<RawMessage> messages) {
        return messages.stream().map(RawMessage::timestamp).toList();
    }

    static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7 + 3);
        }
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
