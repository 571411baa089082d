package io.tributary.thumbnail.publish;

/** Kafka did not acknowledge an event; the record that made it is not done and will be handled again. */
public final class EventNotSentException extends RuntimeException {
    public EventNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
