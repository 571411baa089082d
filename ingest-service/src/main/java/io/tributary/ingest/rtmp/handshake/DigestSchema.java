package io.tributary.ingest.rtmp.handshake;

/**
 * Where the 32-byte HMAC-SHA256 digest sits in a Flash Player 9 ("complex") handshake packet C1/S1. The 1528 bytes
 * after time and version are two 764-byte blocks, a digest block and a key block, in either order; the digest
 * block starts with 4 bytes whose sum (mod 728) places the digest inside the block's next 728 bytes.
 */
public enum DigestSchema {
    /** Digest block first, at byte 8 (what ffmpeg and librtmp clients send). */
    SCHEMA_0(8),
    /** Key block first, digest block at byte 772 (Flash Player 10 and later). */
    SCHEMA_1(772);

    /** Length of the part of a block the digest may start in; 764 - 4 offset bytes - 32 digest bytes. */
    private static final int OFFSET_MODULUS = 728;

    private final int blockStart;

    DigestSchema(int blockStart) {
        this.blockStart = blockStart;
    }

    /** Position of the digest inside this 1536-byte packet, computed from the packet's own offset bytes. */
    public int digestOffset(byte[] packet) {
        int sum = (packet[blockStart] & 0xFF)
                + (packet[blockStart + 1] & 0xFF)
                + (packet[blockStart + 2] & 0xFF)
                + (packet[blockStart + 3] & 0xFF);
        return blockStart + 4 + sum % OFFSET_MODULUS;
    }
}
