package io.tributary.media.flv;

/** The only failure of the FLV codec: bytes that are not FLV this code accepts, with the reason and offset. */
public final class FlvFormatException extends RuntimeException {
    public FlvFormatException(String message) {
        super(message);
    }

    public FlvFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
