package io.tributary.ingest.rtmp;

import java.util.HexFormat;

/** Test bytes written as hex, one wire field per argument so each can carry its own comment. */
public final class Hex {
    private Hex() {
    }

    /** Concatenates hex fields; spaces inside a field are ignored. */
    public static byte[] bytes(String... fields) {
        return HexFormat.of().parseHex(String.join("", fields).replace(" ", ""));
    }

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
