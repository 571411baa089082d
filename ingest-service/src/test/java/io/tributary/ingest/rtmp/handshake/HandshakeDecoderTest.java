package io.tributary.ingest.rtmp.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.ingest.rtmp.RecordedSession;
import io.tributary.ingest.rtmp.RtmpProtocolException;
import io.tributary.ingest.rtmp.RtmpProtocolException.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class HandshakeDecoderTest {

    private static final int P = HandshakeDecoder.PACKET_SIZE;

    @ParameterizedTest
    @EnumSource(RecordedSession.class)
    void completesRecordedHandshakeAndReturnsPipelinedChunks(RecordedSession session) {
        byte[] c2s = session.clientToServer();
        HandshakeDecoder decoder = new HandshakeDecoder(new SplittableRandom(1));
        HandshakeResult result = decoder.feed(c2s);
        assertTrue(result.done());
        assertEquals(HandshakeDecoder.State.DONE, decoder.state());
        assertEquals(1 + 2 * P, result.toSend().length);
        assertEquals(3, result.toSend()[0], "S0");
        assertArrayEquals(Arrays.copyOfRange(c2s, 1 + 2 * P, c2s.length), result.leftover());
        assertEquals(session.complexHandshake(), decoder.clientSchema().isPresent());
    }

    @ParameterizedTest
    @EnumSource(value = RecordedSession.class, names = "GSTREAMER.*", mode = EnumSource.Mode.MATCH_NONE)
    void answersDigestC1WithValidS1AndS2Digests(RecordedSession session) {
        byte[] c1 = session.c1();
        HandshakeDecoder decoder = new HandshakeDecoder(new SplittableRandom(2));
        byte[] out = decoder.feed(withC0(c1)).toSend();
        byte[] s1 = Arrays.copyOfRange(out, 1, 1 + P);
        byte[] s2 = Arrays.copyOfRange(out, 1 + P, 1 + 2 * P);
        assertEquals(0x09007C02L, decoder.clientVersion());
        assertServerDigests(DigestSchema.SCHEMA_0, c1, s1, s2);
    }

    @Test
    void answersSchema1C1InSchema1() {
        byte[] c1 = HandshakeDigestTest.pattern();
        c1[4] = 10; // version 10.x, as Flash Player 10 sends with schema 1
        int offset = DigestSchema.SCHEMA_1.digestOffset(c1);
        System.arraycopy(HandshakeDigest.packetDigest(c1, offset, HandshakeDigest.PLAYER_KEY, 30), 0, c1, offset, 32);
        HandshakeDecoder decoder = new HandshakeDecoder(new SplittableRandom(3));
        byte[] out = decoder.feed(withC0(c1)).toSend();
        assertEquals(Optional.of(DigestSchema.SCHEMA_1), decoder.clientSchema());
        assertServerDigests(DigestSchema.SCHEMA_1, c1, Arrays.copyOfRange(out, 1, 1 + P),
                Arrays.copyOfRange(out, 1 + P, 1 + 2 * P));
    }

    /** What Flash Player and librtmp check: S1 signed with the FMS key, S2 keyed from C1's digest. */
    private static void assertServerDigests(DigestSchema schema, byte[] c1, byte[] s1, byte[] s2) {
        assertArrayEquals(new byte[4], Arrays.copyOfRange(s1, 0, 4), "S1 time");
        assertFalse(Arrays.equals(new byte[4], Arrays.copyOfRange(s1, 4, 8)), "S1 version must be non-zero");
        int s1Offset = schema.digestOffset(s1);
        assertArrayEquals(HandshakeDigest.packetDigest(s1, s1Offset, HandshakeDigest.SERVER_KEY, 36),
                Arrays.copyOfRange(s1, s1Offset, s1Offset + 32), "S1 digest");
        int c1Offset = schema.digestOffset(c1);
        byte[] expectedS2 = s2.clone();
        HandshakeDigest.signServerResponse(expectedS2, Arrays.copyOfRange(c1, c1Offset, c1Offset + 32));
        assertArrayEquals(expectedS2, s2, "S2 digest");
    }

    @Test
    void echoesC1InS2WhenC1HasNoDigest() {
        byte[] c1 = RecordedSession.GSTREAMER_RTMP2SINK_H264_AAC.c1();
        HandshakeDecoder decoder = new HandshakeDecoder(new SplittableRandom(4));
        byte[] out = decoder.feed(withC0(c1)).toSend();
        assertEquals(Optional.empty(), decoder.clientSchema());
        assertEquals(0, decoder.clientVersion());
        assertArrayEquals(new byte[8], Arrays.copyOfRange(out, 1, 9), "S1 time and zero version");
        assertArrayEquals(c1, Arrays.copyOfRange(out, 1 + P, 1 + 2 * P), "S2 echoes C1");
    }

    @Test
    void answersAsSoonAsC1IsCompleteWithoutWaitingForC2() {
        HandshakeDecoder decoder = new HandshakeDecoder(new SplittableRandom(5));
        byte[] c2s = RecordedSession.FFMPEG51_H264_AAC.clientToServer();
        assertEquals(0, decoder.feed(Arrays.copyOf(c2s, P)).toSend().length, "C1 not complete yet");
        assertEquals(HandshakeDecoder.State.AWAITING_C1, decoder.state());
        HandshakeResult answer = decoder.feed(Arrays.copyOfRange(c2s, P, P + 1));
        assertEquals(1 + 2 * P, answer.toSend().length);
        assertFalse(answer.done());
        assertEquals(HandshakeDecoder.State.AWAITING_C2, decoder.state());
    }

    @Test
    void acceptsC2ThatDoesNotEchoS1() {
        HandshakeDecoder decoder = new HandshakeDecoder(new SplittableRandom(6));
        decoder.feed(withC0(HandshakeDigestTest.pattern()));
        HandshakeResult result = decoder.feed(new byte[P]);
        assertTrue(result.done());
        assertEquals(0, result.leftover().length);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 100, 1536, 1537, 4000})
    void givesTheSameBytesWhateverThePieceSizes(int maxPiece) {
        byte[] c2s = Arrays.copyOf(RecordedSession.FFMPEG51_H264_AAC.clientToServer(), 1 + 2 * P + 5000);
        HandshakeResult whole = new HandshakeDecoder(new SplittableRandom(7)).feed(c2s);

        HandshakeDecoder decoder = new HandshakeDecoder(new SplittableRandom(7));
        Random sizes = new Random(maxPiece);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        ByteArrayOutputStream leftover = new ByteArrayOutputStream();
        for (int at = 0; at < c2s.length; ) {
            int n = Math.min(c2s.length - at, 1 + sizes.nextInt(maxPiece));
            HandshakeResult r = decoder.feed(ByteBuffer.wrap(c2s, at, n));
            sent.writeBytes(r.toSend());
            leftover.writeBytes(r.leftover());
            at += n;
        }
        assertArrayEquals(whole.toSend(), sent.toByteArray());
        assertArrayEquals(whole.leftover(), leftover.toByteArray());
    }

    @Test
    void consumesTheWholeByteBuffer() {
        ByteBuffer in = ByteBuffer.wrap(RecordedSession.FFMPEG51_H264_AAC.clientToServer());
        new HandshakeDecoder().feed(in);
        assertFalse(in.hasRemaining());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, 'G', 0x16, 0xFF})
    void rejectsC0OtherThanVersion3(int version) {
        HandshakeDecoder decoder = new HandshakeDecoder();
        RtmpProtocolException e = assertThrows(RtmpProtocolException.class,
                () -> decoder.feed(new byte[] {(byte) version, 0, 0, 0}));
        assertEquals(Reason.UNSUPPORTED_VERSION, e.reason());
        assertEquals(HandshakeDecoder.State.FAILED, decoder.state());
        RtmpProtocolException again = assertThrows(RtmpProtocolException.class, () -> decoder.feed(new byte[] {3}));
        assertEquals(Reason.DECODER_FAILED, again.reason());
        assertEquals(Reason.DECODER_FAILED,
                assertThrows(RtmpProtocolException.class, () -> decoder.feed(new byte[0])).reason());
    }

    @Test
    void handsEverythingAfterDoneOverAsLeftover() {
        HandshakeDecoder decoder = new HandshakeDecoder();
        decoder.feed(Arrays.copyOf(RecordedSession.FFMPEG51_H264_AAC.clientToServer(), 1 + 2 * P));
        HandshakeResult later = decoder.feed(new byte[] {1, 2, 3});
        assertTrue(later.done());
        assertArrayEquals(new byte[] {1, 2, 3}, later.leftover());
    }

    @Test
    void needsMoreOnEmptyInput() {
        HandshakeResult r = new HandshakeDecoder().feed(new byte[0]);
        assertFalse(r.done());
        assertEquals(0, r.toSend().length);
    }

    private static byte[] withC0(byte[] c1) {
        byte[] b = new byte[1 + c1.length];
        b[0] = 3;
        System.arraycopy(c1, 0, b, 1, c1.length);
        return b;
    }
}
