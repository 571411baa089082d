package io.tributary.deploy;

/**
 * A failure the person running the stack can act on: the message is the whole explanation (what went wrong,
 * what to do), printed on one line without a stack trace.
 */
final class StackException extends RuntimeException {

    StackException(String message) {
        super(message);
    }

    StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
