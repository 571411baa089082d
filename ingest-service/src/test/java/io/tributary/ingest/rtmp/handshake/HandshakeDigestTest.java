package io.tributary.ingest.rtmp.handshake;

import static io.tributary.ingest.rtmp.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.ingest.rtmp.Hex;
import io.tributary.ingest.rtmp.RecordedSession;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The FP9 digests byte for byte. Expected values were computed independently with Python's {@code hmac} module
 * over the same test packet, and ffmpeg's real C1 checks the layout.
 */
class HandshakeDigestTest {

    /** A deterministic 1536-byte packet: byte i is (31 i + 7) mod 256. */
    static byte[] pattern() {
        byte[] p = new byte[HandshakeDecoder.PACKET_SIZE];
        for (int i = 0; i < p.length; i++) {
            p[i] = (byte) (i * 31 + 7);
        }
        return p;
    }

    record Case(String name, DigestSchema schema, byte[] key, int keyLength, int offset, String digest) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                // bytes 8..11 sum to 438: 8 + 4 + 438 % 728
                new Case("C1 digest, schema 0, Flash Player key", DigestSchema.SCHEMA_0,
                        HandshakeDigest.PLAYER_KEY, 30, 450,
                        "750aa77a541293fc1c59b1d38e59bfb39b75c0cef82d64aa2a46edaedb9ddfc4"),
                // bytes 772..775 sum to 710: 772 + 4 + 710 % 728
                new Case("S1 digest, schema 1, FMS key", DigestSchema.SCHEMA_1,
                        HandshakeDigest.SERVER_KEY, 36, 1486,
                        "0691636d7b85f9067292f4d24b571f5b199a3d40cf35d4be227dce4d08623357"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void computesPacketDigestAtSchemaOffset(Case c) {
        byte[] packet = pattern();
        assertEquals(c.offset(), c.schema().digestOffset(packet));
        assertEquals(c.digest(), Hex.of(HandshakeDigest.packetDigest(packet, c.offset(), c.key(), c.keyLength())));
    }

    @Test
    void keysAreTheWellKnownGenuineKeys() {
        byte[] tail = bytes("F0EEC24A8068BEE82E00D0D1029E7E576EEC5D2D29806FAB93B8E636CFEB31AE");
        assertEquals(62, HandshakeDigest.PLAYER_KEY.length);
        assertEquals(68, HandshakeDigest.SERVER_KEY.length);
        assertEquals("Genuine Adobe Flash Player 001",
                new String(HandshakeDigest.PLAYER_KEY, 0, 30, StandardCharsets.US_ASCII));
        assertEquals("Genuine Adobe Flash Media Server 001",
                new String(HandshakeDigest.SERVER_KEY, 0, 36, StandardCharsets.US_ASCII));
        assertArrayEquals(tail, Arrays.copyOfRange(HandshakeDigest.PLAYER_KEY, 30, 62));
        assertArrayEquals(tail, Arrays.copyOfRange(HandshakeDigest.SERVER_KEY, 36, 68));
    }

    @Test
    void signsS2WithKeyDerivedFromClientDigest() {
        byte[] s2 = pattern();
        byte[] clientDigest = new byte[32];
        for (int i = 0; i < 32; i++) {
            clientDigest[i] = (byte) i;
        }
        HandshakeDigest.signServerResponse(s2, clientDigest);
        assertArrayEquals(Arrays.copyOf(pattern(), 1504), Arrays.copyOf(s2, 1504), "only the last 32 bytes change");
        assertEquals("9a2159a2c0975e7b4baf594acbee7a063fce124388d0ea899ae5b5b28e6c45c6",
                Hex.of(Arrays.copyOfRange(s2, 1504, 1536)));
    }

    @Test
    void findsFfmpegC1DigestInSchema0() {
        byte[] c1 = RecordedSession.FFMPEG51_H264_AAC.c1();
        assertEquals(Optional.of(DigestSchema.SCHEMA_0), HandshakeDigest.findClientSchema(c1));
        assertEquals(494, DigestSchema.SCHEMA_0.digestOffset(c1));
        assertEquals("650bfb9b65f953d848e3456965d0d76b627a84e35e9ddabd8b43f0fadaee458c",
                Hex.of(Arrays.copyOfRange(c1, 494, 526)));
    }

    @Test
    void findsSchema1Digest() {
        byte[] c1 = pattern();
        int offset = DigestSchema.SCHEMA_1.digestOffset(c1);
        byte[] digest = HandshakeDigest.packetDigest(c1, offset, HandshakeDigest.PLAYER_KEY, 30);
        System.arraycopy(digest, 0, c1, offset, 32);
        assertEquals(Optional.of(DigestSchema.SCHEMA_1), HandshakeDigest.findClientSchema(c1));
    }

    @Test
    void findsNoDigestInUnsignedC1() {
        assertEquals(Optional.empty(), HandshakeDigest.findClientSchema(pattern()));
        assertEquals(Optional.empty(),
                HandshakeDigest.findClientSchema(RecordedSession.GSTREAMER_RTMP2SINK_H264_AAC.c1()));
    }

    @Test
    void rejectsDigestMadeWithTheServerKey() {
        byte[] c1 = pattern();
        int offset = DigestSchema.SCHEMA_0.digestOffset(c1);
        System.arraycopy(HandshakeDigest.packetDigest(c1, offset, HandshakeDigest.SERVER_KEY, 36), 0, c1, offset, 32);
        assertEquals(Optional.empty(), HandshakeDigest.findClientSchema(c1));
    }
}
