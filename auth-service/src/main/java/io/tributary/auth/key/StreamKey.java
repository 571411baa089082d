package io.tributary.auth.key;

import java.util.Objects;

/**
 * A stream key in clear text, as a streamer pastes it into an encoder. It exists only in the one creation response
 * and while a presented key is hashed; it is never stored, logged or published. {@link #toString()} is redacted so
 * that no log statement or exception message can carry it by accident.
 *
 * @param value the secret
 */
public record StreamKey(String value) {
    /** Longest key accepted from a client; ours are 47 characters, a launcher's own demo key may differ. */
    public static final int MAX_LENGTH = 256;

    public StreamKey {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "StreamKey[redacted]";
    }
}
