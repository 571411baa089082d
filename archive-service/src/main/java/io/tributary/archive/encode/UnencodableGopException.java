package io.tributary.archive.encode;

/** ffmpeg ran and refused a GOP: its bytes cannot become a piece, however often it is tried. */
public final class UnencodableGopException extends RuntimeException {
    public UnencodableGopException(String message) {
        super(message);
    }
}
