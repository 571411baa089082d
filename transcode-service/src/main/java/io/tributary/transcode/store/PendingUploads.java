package io.tributary.transcode.store;

import io.tributary.storage.ObjectStorageException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One round of uploads started by {@link ChannelObjects#startAll} and not yet waited for: a step goes on with work
 * that does not depend on them (a new channel's first record reads its state and stores its playlists' placeholders
 * meanwhile), then {@link #await}s them before storing anything that names them.
 */
public final class PendingUploads {
    /** A round with nothing in it. */
    public static final PendingUploads NONE = new PendingUploads(List.of());

    private final List<CompletableFuture<Void>> puts;

    PendingUploads(List<CompletableFuture<Void>> puts) {
        this.puts = List.copyOf(puts);
    }

    /** A round of uploads started some other way (a test's storage that takes its time). */
    public static PendingUploads of(List<CompletableFuture<Void>> puts) {
        return new PendingUploads(puts);
    }

    /**
     * Returns once every upload of the round has ended.
     *
     * @throws ObjectStorageException the first failure (the others have been waited for: nothing runs on after)
     */
    public void await() throws InterruptedException {
        ObjectStorageException failure = null;
        for (CompletableFuture<Void> put : puts) {
            try {
                put.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof ObjectStorageException s ? s
                            : new ObjectStorageException("upload failed: " + e.getCause(), e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Waits for the round without a verdict, for a step that is failing already: its retry must not overlap
     * uploads of its own, nor a new owner of the channel the uploads of this one. Stops waiting when interrupted
     * (the flag stays set): the lane is being stopped, and its stop waits for the storage round in progress.
     */
    public void awaitQuietly() {
        try {
            CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).exceptionally(e -> null).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a failure was mapped to none", e);
        }
    }
}
