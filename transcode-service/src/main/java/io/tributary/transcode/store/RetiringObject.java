package io.tributary.transcode.store;

/**
 * An object no manifest names any more, to be deleted once players that read an older manifest are done with it.
 *
 * @param dueAtEpochMillis when it may be deleted: when it left the manifests plus the grace period
 */
public record RetiringObject(String key, long dueAtEpochMillis) {

    public RetiringObject {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a retiring object needs a key");
        }
    }
}
