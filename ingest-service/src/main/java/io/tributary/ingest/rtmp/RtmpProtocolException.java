package io.tributary.ingest.rtmp;

/**
 * A peer broke the RTMP protocol or one of our {@link RtmpLimits}. The decoder that threw it is in its terminal
 * {@code FAILED} state: the connection logs {@link #reason()} (never the payload, which may hold a stream key) and
 * closes. Unchecked, like {@code AmfException}, so the pure layers stay free of throws clauses; the one adapter
 * that feeds socket bytes catches it.
 */
public final class RtmpProtocolException extends RuntimeException {

    /** Why the connection is closed; a closed set so metrics can count rejections by reason. */
    public enum Reason {
        /** C0 is not version 3 (RTMPE's 6, an HTTP request's 'G', TLS on the plain port...). */
        UNSUPPORTED_VERSION,
        /** A chunk header declares a message longer than the limit for its type. */
        MESSAGE_TOO_LONG,
        /** Incomplete messages on all chunk streams together would exceed the buffering budget. */
        TOO_MANY_BUFFERED_BYTES,
        /** A new chunk stream id would exceed the per-connection limit. */
        TOO_MANY_CHUNK_STREAMS,
        /** A type 1, 2 or 3 chunk header on a chunk stream that has no previous header to extend. */
        NO_PREVIOUS_HEADER,
        /** Set Chunk Size of 0 or with its most significant bit set (RTMP spec 5.4.1). */
        INVALID_CHUNK_SIZE,
        /** A protocol control or user control message whose payload does not have the size of its type. */
        MALFORMED_CONTROL_MESSAGE,
        /** An aggregate message whose sub-message headers do not fit its payload (RTMP spec 7.1.6). */
        MALFORMED_AGGREGATE,
        /** An AMF0/AMF3 command or data payload that does not decode (including nesting beyond the limit). */
        MALFORMED_AMF,
        /** A command without a name or a transaction id, or with arguments of the wrong type. */
        MALFORMED_COMMAND,
        /** An app, stream name, tcUrl or command name longer than the limit. */
        NAME_TOO_LONG,
        /** Bytes were fed to a decoder that already failed. */
        DECODER_FAILED
    }

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public RtmpProtocolException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RtmpProtocolException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
