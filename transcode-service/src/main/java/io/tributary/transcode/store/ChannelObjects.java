package io.tributary.transcode.store;

import io.tributary.storage.ObjectStorageException;
import io.tributary.storage.ObjectStore;
import io.tributary.storage.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The one class of transcode-service that talks to object storage. Objects written together (a GOP's segments, then
 * its manifests) go up in parallel, as asynchronous requests: each PUT is a round trip of a few milliseconds, and the
 * time from a GOP's close to its manifest update is the latency viewers see. Reads that need not wait for each other
 * (a channel's state load, started before its first record's step) run on a small pool of their own, so that they
 * never queue behind other channels' uploads.
 *
 * <p>Blocking: called from the channels' packaging threads, never from an event loop. Not final only so that a test
 * can hold up or log one channel's writes: {@link #startAll}, which every write goes through.
 */
public class ChannelObjects implements AutoCloseable {
    /**
     * Threads for reads: a channel's state load is three reads at once (more only to recover from playlists), and loads
     * come together only when many channels arrive at once (start-up, a rebalance). Idle threads end.
     */
    private static final int READ_THREADS = 8;

    private final ObjectStore store;
    /** Uploads in flight at once, over all channels ({@code tributary.transcode.upload-threads}). */
    private final Semaphore uploadSlots;
    private final ThreadPoolExecutor reads;

    public ChannelObjects(ObjectStore store, int uploadThreads) {
        if (uploadThreads < 1) {
            throw new IllegalArgumentException("upload threads must be positive: " + uploadThreads);
        }
        this.store = store;
        this.uploadSlots = new Semaphore(uploadThreads);
        this.reads = new ThreadPoolExecutor(READ_THREADS, READ_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemons("transcode-read-"));
        reads.allowCoreThreadTimeOut(true);
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Stores every object and returns once all are stored. The requests go out from the calling thread and no thread
     * waits on each of them (the HTTP client's own threads carry them): a thread hand-over less per PUT, on a round
     * whose time viewers see.
     *
     * @throws ObjectStorageException the first failure (the others have been waited for: nothing runs on after)
     */
    public final void putAll(List<StoredObject> objects) throws InterruptedException {
        startAll(objects).await();
    }

    /**
     * Starts storing every object, as {@link #putAll} does, and returns without waiting for them: the caller
     * {@link PendingUploads#await}s the round before it stores anything that names these objects.
     */
    public PendingUploads startAll(List<StoredObject> objects) throws InterruptedException {
        List<CompletableFuture<Void>> puts = new ArrayList<>(objects.size());
        for (StoredObject o : objects) {
            uploadSlots.acquire();
            CompletableFuture<Void> put;
            try {
                put = store.putAsync(o);
            } catch (RuntimeException e) {
                put = CompletableFuture.failedFuture(e);
            }
            // the one release of this slot, whichever way the put ends
            put.whenComplete((done, failure) -> uploadSlots.release());
            puts.add(put);
        }
        return new PendingUploads(puts);
    }

    public Optional<byte[]> get(String key) {
        return store.get(key);
    }

    public List<String> list(String prefix) {
        return store.list(prefix);
    }

    /** {@link #get}, on the read pool: reads that need not wait for each other go in one round. */
    public CompletableFuture<Optional<byte[]>> getAsync(String key) {
        return onPool(() -> get(key));
    }

    /** {@link #list}, on the read pool. */
    public CompletableFuture<List<String>> listAsync(String prefix) {
        return onPool(() -> list(prefix));
    }

    private <T> CompletableFuture<T> onPool(Supplier<T> read) {
        try {
            return CompletableFuture.supplyAsync(read, reads);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new ObjectStorageException("object storage client closed", e));
        }
    }

    /** Deletes the object; a missing one is not an error. */
    public void delete(String key) {
        store.delete(key);
    }

    /** Deletes the objects in as few requests as storage allows: those it could not delete, with why. */
    public Map<String, String> deleteAll(List<String> keys) {
        return store.deleteAll(keys);
    }

    @Override
    public void close() {
        reads.shutdown();
        try {
            reads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
