package io.tributary.thumbnail.render;

/** The only failure of the AV1 readers: bytes that are not the AV1 structure they should be, with the reason. */
final class Av1FormatException extends RuntimeException {
    Av1FormatException(String message) {
        super(message);
    }
}
