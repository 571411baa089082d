package io.tributary.ingest.gop;

/**
 * An audio or video message the GOP layer cannot carry: a broken Enhanced RTMP structure, a codec we do not support,
 * a GOP that outgrows its limit. The session ends with reason {@code error} and one log line with this message, which
 * describes the structure, never its content.
 */
public final class MalformedMediaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedMediaException(String message) {
        super(message);
    }

    public MalformedMediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
