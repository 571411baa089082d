package io.tributary.ingest.rtmp.chunk;

import static io.tributary.ingest.rtmp.Hex.bytes;
import static io.tributary.ingest.rtmp.chunk.ChunkDecoderTest.concat;
import static io.tributary.ingest.rtmp.chunk.ChunkDecoderTest.pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tributary.ingest.rtmp.RtmpLimits;
import io.tributary.ingest.rtmp.RtmpProtocolException;
import io.tributary.ingest.rtmp.RtmpProtocolException.Reason;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged chunk streams: the only allowed outcomes are messages, "need more" or an {@link RtmpProtocolException};
 * never another exception and never an allocation sized by a number the peer made up.
 */
class ChunkRobustnessTest {

    /** A stream using every header format, extended timestamps, 1/2/3-byte ids and a chunk size change. */
    static byte[] sample() {
        ChunkEncoder encoder = new ChunkEncoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(encoder.encode(3, new RawMessage(20, 0, 0, pattern(140))));
        out.writeBytes(encoder.encode(2, new RawMessage(5, 0, 0, bytes("002625A0"))));
        out.writeBytes(encoder.encode(4, new RawMessage(8, 1, 0x0100_0000L, pattern(300))));
        out.writeBytes(encoder.encode(4, new RawMessage(8, 1, 0x0100_0017L, pattern(20))));
        out.writeBytes(encoder.encode(2, new RawMessage(1, 0, 0, bytes("00000050"))));
        out.writeBytes(encoder.encode(100, new RawMessage(9, 1, 5, pattern(200))));
        out.writeBytes(encoder.encode(1000, new RawMessage(18, 1, 6, pattern(90))));
        out.writeBytes(encoder.encode(100, new RawMessage(9, 1, 0x0200_0000L, pattern(81))));
        out.writeBytes(concat(bytes("84", "000021"), pattern(20))); // fmt 2 on csid 4: +33, 20 bytes as before
        out.writeBytes(bytes("86", "FFFFFF", "00000001"));           // fmt 2 on the never-seen csid 6: an error
        return out.toByteArray();
    }

    @Test
    void sampleDecodesCompletelyUntilItsLastBrokenHeader() {
        RtmpProtocolException e = assertThrows(RtmpProtocolException.class,
                () -> new ChunkDecoder(RtmpLimits.DEFAULTS).feed(sample()));
        assertEquals(Reason.NO_PREVIOUS_HEADER, e.reason());
    }

    @Test
    void truncatedAtEveryOffsetGivesAPrefixOfTheMessages() {
        byte[] b = sample();
        int validLength = b.length - 8; // without the fmt 2 header of the never-seen csid 6
        List<RawMessage> all = new ChunkDecoder(RtmpLimits.DEFAULTS).feed(Arrays.copyOf(b, validLength));
        for (int cut = 0; cut <= validLength; cut++) {
            List<RawMessage> some = new ChunkDecoder(RtmpLimits.DEFAULTS).feed(Arrays.copyOf(b, cut));
            assertEquals(all.subList(0, some.size()), some, "cut at " + cut);
        }
    }

    @Test
    void flippedBytesGiveMessagesOrProtocolException() {
        byte[] b = sample();
        for (int i = 0; i < b.length; i++) {
            byte original = b[i];
            for (int replacement : new int[] {0x00, 0xFF, 0x7F, 0x80, 0xC0, 0x40, 0x01, 0x02, original ^ 0x01}) {
                b[i] = (byte) replacement;
                decode(RtmpLimits.DEFAULTS, b, String.format("byte %d set to 0x%02X", i, replacement & 0xFF));
            }
            b[i] = original;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"800001", "FFFFFF", "7FFFFF", "040001", "000200"})
    void inflatedLengthsAreRejectedAtTheHeaderOrWaitForBytes(String length) {
        for (int type : new int[] {1, 4, 8, 9, 18, 20, 22}) {
            byte[] b = concat(bytes("05", "000000", length, String.format("%02X", type), "01000000"), pattern(100));
            decode(RtmpLimits.DEFAULTS, b, "type " + type + " length " + length);
        }
        ChunkDecoder d = new ChunkDecoder(RtmpLimits.DEFAULTS);
        try {
            d.feed(concat(bytes("05", "000000", length, "09", "01000000"), pattern(100)));
            assertEquals(ChunkDecoder.State.PAYLOAD, d.state(), "within the limit: waits for the rest");
            assertTrue(d.assemblyBufferBytes() <= ChunkStream.INITIAL_BUFFER);
        } catch (RtmpProtocolException e) {
            assertEquals(Reason.MESSAGE_TOO_LONG, e.reason());
        }
    }

    @Test
    void hugeChunkSizesDoNotAllocate() {
        ChunkDecoder d = new ChunkDecoder(RtmpLimits.DEFAULTS);
        List<RawMessage> out = d.feed(concat(
                bytes("02", "000000", "000004", "01", "00000000", "7FFFFFFF"),
                bytes("04", "000000", "000003", "08", "01000000", "AF0102"),
                bytes("06", "000000", "7FFFFF", "09", "01000000"), pattern(10)));
        assertEquals(2, out.size());
        assertTrue(d.assemblyBufferBytes() <= ChunkStream.INITIAL_BUFFER);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomBytesGiveMessagesOrProtocolException(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            byte[] b = new byte[random.nextInt(4096)];
            random.nextBytes(b);
            decode(RtmpLimits.DEFAULTS, b, "seed " + seed + " run " + i);
            decode(new RtmpLimits(300, 300, 500, 3, 4, 10), b, "small limits, seed " + seed + " run " + i);
        }
    }

    private static void decode(RtmpLimits limits, byte[] b, String what) {
        ChunkDecoder d = new ChunkDecoder(limits);
        try {
            d.feed(b);
        } catch (RtmpProtocolException expected) {
            // the one allowed failure
        } catch (RuntimeException | OutOfMemoryError e) {
            fail(what + ": " + e, e);
        }
        if (d.assemblyBufferBytes() > Math.max(ChunkStream.INITIAL_BUFFER, 2L * b.length) * limits.maxChunkStreams()) {
            fail(what + ": " + d.assemblyBufferBytes() + " bytes allocated for " + b.length + " received");
        }
    }
}
