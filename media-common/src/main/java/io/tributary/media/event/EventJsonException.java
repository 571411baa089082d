package io.tributary.media.event;

/** An event that cannot be read from (or written as) JSON, with the type and the reason. */
public final class EventJsonException extends RuntimeException {
    public EventJsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
