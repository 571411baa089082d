package io.tributary.auth.key;

import java.time.Instant;
import java.util.Objects;

/**
 * When a key was last allowed to publish, and the session it opened. Stored as its own record
 * ({@code used:<hash>} on {@code stream-keys}), not inside {@link StreamKeyRecord}: a decision that rewrote the whole
 * key record from a slightly stale view could undo a revocation made a moment before on another instance.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param lastUsedAt    time of the last allow
 * @param lastSessionId session id handed out with it; lets a revocation tell whether the live session is this key's
 */
public record KeyUsage(int schemaVersion, Instant lastUsedAt, String lastSessionId) {
    public static final int SCHEMA_VERSION = 1;

    public KeyUsage {
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    }
}
