package io.tributary.archive.encode;

import java.util.Locale;

/** What happens to each GOP before it is stored as a piece of the archive. */
public enum EncodeMode {
    /** Video re-encoded with libx264 (CRF), audio copied: about half the bytes at SSIM ≥ 0.95. */
    REENCODE,
    /** Nothing: the record's tags are the piece, for platforms that keep the source as it was. */
    COPY;

    /** {@code reencode} or {@code copy}, as written in configuration. */
    public static EncodeMode parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "reencode" -> REENCODE;
            case "copy" -> COPY;
            default -> throw new IllegalArgumentException("tributary.archive.encoder.mode must be reencode or copy, not '"
                    + value + "'");
        };
    }
}
