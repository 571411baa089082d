package io.tributary.thumbnail.render;

import java.io.ByteArrayOutputStream;

/**
 * Test bytes written as bit fields, a field per line: {@code "000  // seq_profile 0"}; zero-padded to a byte. AV1
 * OBUs here, and the RBSPs {@link Rbsp} writes.
 */
final class Av1Bits {
    private Av1Bits() {
    }

    static byte[] bits(String fields) {
        StringBuilder bits = new StringBuilder();
        for (String line : fields.split("\n")) {
            int comment = line.indexOf("//");
            bits.append((comment < 0 ? line : line.substring(0, comment)).replaceAll("\\s+", ""));
        }
        if (!bits.toString().matches("[01]*")) {
            throw new IllegalArgumentException("not bits: " + bits);
        }
        while (bits.length() % 8 != 0) {
            bits.append('0');
        }
        byte[] bytes = new byte[bits.length() / 8];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(bits.substring(i * 8, i * 8 + 8), 2);
        }
        return bytes;
    }

    /** An OBU of the low-overhead format (§5.3): header with obu_has_size_field, one-byte leb128 obu_size, payload. */
    static byte[] obu(int obuType, byte[] payload) {
        if (payload.length > 127) {
            throw new IllegalArgumentException("a one-byte obu_size only");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(obuType << 3 | 0x02);
        out.write(payload.length);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
