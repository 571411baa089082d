package io.tributary.auth.state;

/**
 * A write to {@code stream-keys} was not acknowledged, or not seen by this instance's view, in time. The write may
 * or may not have happened; every write is keyed and idempotent, so the caller may retry.
 */
public final class StateWriteException extends RuntimeException {
    public StateWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
