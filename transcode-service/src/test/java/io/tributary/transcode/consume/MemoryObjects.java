package io.tributary.transcode.consume;

import io.tributary.storage.ObjectStorageException;
import io.tributary.storage.StoredObject;
import io.tributary.transcode.store.ChannelObjects;
import io.tributary.transcode.store.PendingUploads;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bucket in memory for the packaging tests: reads answer from {@link #bucket} (empty: a new channel) and are
 * logged, every put is kept in order, and the puts of one key can be made to fail a number of times, as when S3 is away.
 */
final class MemoryObjects extends ChannelObjects {
    final Map<String, byte[]> bucket = new ConcurrentHashMap<>();
    /** Every object stored, in order (not those of a failed put). */
    final List<StoredObject> puts = Collections.synchronizedList(new ArrayList<>());
    /** Puts of the key still to fail, and how many have failed. */
    private final Map<String, Integer> failing = new ConcurrentHashMap<>();
    private final Map<String, Integer> failed = new ConcurrentHashMap<>();

    MemoryObjects() {
        super(null, 4);
    }

    /** Every key read, in order. */
    final List<String> reads = Collections.synchronizedList(new ArrayList<>());

    @Override
    public Optional<byte[]> get(String key) {
        reads.add(key);
        return Optional.ofNullable(bucket.get(key));
    }

    @Override
    public PendingUploads startAll(List<StoredObject> objects) {
        for (StoredObject o : objects) {
            if (failing.getOrDefault(o.key(), 0) > 0) {
                failing.merge(o.key(), -1, Integer::sum);
                failed.merge(o.key(), 1, Integer::sum);
                throw new ObjectStorageException("S3 away: " + o.key(), null);
            }
        }
        puts.addAll(objects);
        return PendingUploads.NONE;
    }

    void put(String key, String text) {
        bucket.put(key, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The next {@code times} puts of {@code key} fail (and nothing of their round is stored). */
    void failPuts(String key, int times) {
        failing.put(key, times);
    }

    int failedPuts(String key) {
        return failed.getOrDefault(key, 0);
    }
}
