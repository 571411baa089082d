package io.tributary.media.gop;

/** The only failure of the GOP record codec: a record (headers or value) that is missing, garbled or not ours. */
public final class GopRecordException extends RuntimeException {
    public GopRecordException(String message) {
        super(message);
    }

    public GopRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
