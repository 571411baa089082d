package io.tributary.transcode.store;

import io.tributary.storage.ObjectStorageException;
import io.tributary.storage.ObjectStore;
import io.tributary.storage.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one class of transcode-service that talks to object storage. Objects written together (a GOP's segments, then
 * its manifests) go up in parallel on a pool of its own: each PUT is a round trip of a few milliseconds, and the
 * time from a GOP's close to its manifest update is the latency viewers see.
 *
 * <p>Blocking: called from the channels' packaging threads, never from an event loop. Not final only so that a test
 * can hold up one channel's writes.
 */
public class ChannelObjects implements AutoCloseable {
    private final ObjectStore store;
    private final ExecutorService uploads;

    public ChannelObjects(ObjectStore store, int uploadThreads) {
        if (uploadThreads < 1) {
            throw new IllegalArgumentException("upload threads must be positive: " + uploadThreads);
        }
        this.store = store;
        AtomicInteger n = new AtomicInteger();
        this.uploads = Executors.newFixedThreadPool(uploadThreads, r -> {
            Thread t = new Thread(r, "transcode-upload-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Stores every object and returns once all are stored.
     *
     * @throws ObjectStorageException the first failure (the others have been waited for: nothing runs on after)
     */
    public void putAll(List<StoredObject> objects) throws InterruptedException {
        if (objects.size() == 1) {
            store.put(objects.get(0));
            return;
        }
        List<Future<?>> puts = new ArrayList<>(objects.size());
        for (StoredObject o : objects) {
            puts.add(uploads.submit(() -> store.put(o)));
        }
        ObjectStorageException failure = null;
        for (Future<?> put : puts) {
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

    public Optional<byte[]> get(String key) {
        return store.get(key);
    }

    public List<String> list(String prefix) {
        return store.list(prefix);
    }

    /** Deletes the object; a missing one is not an error. */
    public void delete(String key) {
        store.delete(key);
    }

    @Override
    public void close() {
        uploads.shutdown();
        try {
            uploads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
