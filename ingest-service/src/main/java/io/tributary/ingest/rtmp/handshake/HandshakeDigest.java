package io.tributary.ingest.rtmp.handshake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 digests of the Flash Player 9 handshake, as every RTMP server and client implements them (the
 * algorithm is not in the public Adobe RTMP specification). Each key is a text prefix followed by the same 32
 * constant bytes: C1 is signed with the first 30 bytes of the Flash Player key, S1 with the first 36 bytes of the
 * Flash Media Server key, and S2 with a key derived from the whole FMS key and C1's digest.
 */
final class HandshakeDigest {

    static final int DIGEST_LENGTH = 32;

    private static final byte[] KEY_TAIL = {
        (byte) 0xF0, (byte) 0xEE, (byte) 0xC2, (byte) 0x4A, (byte) 0x80, (byte) 0x68, (byte) 0xBE, (byte) 0xE8,
        (byte) 0x2E, (byte) 0x00, (byte) 0xD0, (byte) 0xD1, (byte) 0x02, (byte) 0x9E, (byte) 0x7E, (byte) 0x57,
        (byte) 0x6E, (byte) 0xEC, (byte) 0x5D, (byte) 0x2D, (byte) 0x29, (byte) 0x80, (byte) 0x6F, (byte) 0xAB,
        (byte) 0x93, (byte) 0xB8, (byte) 0xE6, (byte) 0x36, (byte) 0xCF, (byte) 0xEB, (byte) 0x31, (byte) 0xAE,
    };

    /** "Genuine Adobe Flash Player 001" + tail: 62 bytes. */
    static final byte[] PLAYER_KEY = withTail("Genuine Adobe Flash Player 001");
    /** "Genuine Adobe Flash Media Server 001" + tail: 68 bytes. */
    static final byte[] SERVER_KEY = withTail("Genuine Adobe Flash Media Server 001");
    /** The part of each key that signs the packet itself (C1, S1): the text without the tail. */
    static final int PLAYER_TEXT_LENGTH = 30;
    static final int SERVER_TEXT_LENGTH = 36;

    private HandshakeDigest() {
    }

    /** The schema whose digest in this C1 is valid for the Flash Player key, or empty (a simple handshake). */
    static Optional<DigestSchema> findClientSchema(byte[] c1) {
        for (DigestSchema schema : DigestSchema.values()) {
            int offset = schema.digestOffset(c1);
            byte[] expected = packetDigest(c1, offset, PLAYER_KEY, PLAYER_TEXT_LENGTH);
            byte[] actual = Arrays.copyOfRange(c1, offset, offset + DIGEST_LENGTH);
            if (MessageDigest.isEqual(expected, actual)) {
                return Optional.of(schema);
            }
        }
        return Optional.empty();
    }

    /** The digest of C1 or S1 at {@code offset}: HMAC over the packet without the 32 digest bytes. */
    static byte[] packetDigest(byte[] packet, int offset, byte[] key, int keyLength) {
        Mac mac = hmac(key, keyLength);
        mac.update(packet, 0, offset);
        mac.update(packet, offset + DIGEST_LENGTH, packet.length - offset - DIGEST_LENGTH);
        return mac.doFinal();
    }

    /** Writes S1's digest in place, in the same schema the client used. */
    static void signServerPacket(byte[] s1, DigestSchema schema) {
        int offset = schema.digestOffset(s1);
        byte[] digest = packetDigest(s1, offset, SERVER_KEY, SERVER_TEXT_LENGTH);
        System.arraycopy(digest, 0, s1, offset, DIGEST_LENGTH);
    }

    /**
     * Writes S2's digest in place over its last 32 bytes: HMAC(HMAC(full FMS key, C1 digest), S2 without them). The
     * client checks it against the digest it put in C1.
     */
    static void signServerResponse(byte[] s2, byte[] clientDigest) {
        byte[] key = hmac(SERVER_KEY, SERVER_KEY.length).doFinal(clientDigest);
        int end = s2.length - DIGEST_LENGTH;
        Mac mac = hmac(key, key.length);
        mac.update(s2, 0, end);
        System.arraycopy(mac.doFinal(), 0, s2, end, DIGEST_LENGTH);
    }

    private static Mac hmac(byte[] key, int keyLength) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, 0, keyLength, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            // every Java SE runtime must provide HmacSHA256
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] withTail(String text) {
        byte[] head = text.getBytes(StandardCharsets.US_ASCII);
        byte[] key = Arrays.copyOf(head, head.length + KEY_TAIL.length);
        System.arraycopy(KEY_TAIL, 0, key, head.length, KEY_TAIL.length);
        return key;
    }
}
