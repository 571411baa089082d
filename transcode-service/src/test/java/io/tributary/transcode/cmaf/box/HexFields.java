package io.tributary.transcode.cmaf.box;

import java.util.HexFormat;

/**
 * Test vectors written a field per line: hex digits (spaces allowed) followed by a {@code //} comment saying which
 * field they are and what value they hold.
 */
public final class HexFields {

    private HexFields() {
    }

    /** The bytes of a field-per-line vector. */
    public static byte[] bytes(String fieldsPerLine) {
        return HexFormat.of().parseHex(hex(fieldsPerLine));
    }

    /** The vector as one lower-case hex string (for readable assertion diffs). */
    public static String hex(String fieldsPerLine) {
        StringBuilder hex = new StringBuilder();
        for (String line : fieldsPerLine.split("\n")) {
            int comment = line.indexOf("//");
            String field = comment >= 0 ? line.substring(0, comment) : line;
            hex.append(field.replaceAll("\\s+", "").toLowerCase());
        }
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits in vector: " + hex);
        }
        return hex.toString();
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
