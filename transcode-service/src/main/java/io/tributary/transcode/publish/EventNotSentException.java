package io.tributary.transcode.publish;

/** Kafka did not acknowledge a segment-published event in time; the record is handled again after a back-off. */
public class EventNotSentException extends RuntimeException {
    public EventNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
