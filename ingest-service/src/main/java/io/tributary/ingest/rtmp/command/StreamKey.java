package io.tributary.ingest.rtmp.command;

import java.util.Objects;

/**
 * The secret a streamer pastes into their encoder: the last path element of the publish name. It goes to
 * auth-service and nowhere else: {@link #toString()} is redacted so that a log line, an exception message or a
 * debugger view cannot leak it; call {@link #value()} only to send it to auth-service.
 */
public record StreamKey(String value) {

    public StreamKey {
        Objects.requireNonNull(value, "value");
    }

    /** An empty key: a publish without a name (Wirecast sends one before unpublishing; Flash to stop). */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return value.isEmpty() ? "StreamKey[empty]" : "StreamKey[redacted]";
    }
}
