package io.tributary.archive.encode;

/** Turns one GOP (a self-contained FLV stream) into the piece stored for the archive. */
@FunctionalInterface
public interface PieceEncoder {
    /**
     * @throws UnencodableGopException when the GOP can never be encoded
     * @throws RuntimeException        for anything worth retrying
     */
    byte[] encode(byte[] gopFlv);
}
