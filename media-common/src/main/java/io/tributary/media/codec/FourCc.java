package io.tributary.media.codec;

import java.nio.charset.StandardCharsets;

/**
 * Four-character codes as E-RTMP and ISO BMFF carry them: four ASCII bytes read as a big-endian UI32
 * ({@code 'av01' == 0x61763031}, Enhanced RTMP v2, "Enhancing onMetaData").
 */
public final class FourCc {
    private FourCc() {
    }

    public static int value(String code) {
        byte[] b = code.getBytes(StandardCharsets.US_ASCII);
        if (b.length != 4) {
            throw new IllegalArgumentException("a FourCC has four characters: '" + code + "'");
        }
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    /** The code as text, non-printable bytes as {@code \xNN}, for messages. */
    public static String text(int value) {
        StringBuilder sb = new StringBuilder(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            int c = (value >>> shift) & 0xFF;
            if (c >= 0x20 && c < 0x7F) {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02X", c));
            }
        }
        return sb.toString();
    }
}
