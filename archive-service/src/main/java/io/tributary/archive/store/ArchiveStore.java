package io.tributary.archive.store;

import io.tributary.storage.ObjectStore;
import io.tributary.storage.S3Settings;
import io.tributary.storage.StoredObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * archive-service's view of object storage: the shared {@link ObjectStore} (the one client), with the content types
 * and cache headers of archives and their parts. Blocking: worker threads only.
 */
public final class ArchiveStore {
    public static final String MP4 = "video/mp4";
    public static final String FLV = "video/x-flv";

    private final ObjectStore objects;

    public ArchiveStore(S3Settings settings) {
        this.objects = new ObjectStore(settings);
    }

    public void ensureBucket() {
        objects.ensureBucket();
    }

    public void put(String key, byte[] bytes, String contentType) {
        objects.put(StoredObject.immutable(key, bytes, contentType));
    }

    public Optional<byte[]> get(String key) {
        return objects.get(key);
    }

    public boolean exists(String key) {
        return objects.exists(key);
    }

    /** Every key under {@code prefix}, recursively, in lexicographic order. */
    public List<String> list(String prefix) {
        return objects.list(prefix);
    }

    public void delete(String key) {
        objects.delete(key);
    }

    /** Deletes the objects in as few requests as storage allows: those it could not delete, with why. */
    public Map<String, String> deleteAll(List<String> keys) {
        return objects.deleteAll(keys);
    }

    /** Uploads a file of any size without holding it in memory; the object appears whole or not at all. */
    public void putFile(String key, Path file, String contentType) {
        objects.putFile(key, file, contentType, StoredObject.IMMUTABLE);
    }

    /** {@code key} made of the objects {@code sources} (copied server-side) and {@code tail}: see {@link ObjectStore#compose}. */
    public void compose(String key, List<String> sources, byte[] tail, String contentType) {
        objects.compose(key, sources, tail, contentType, StoredObject.IMMUTABLE);
    }

    /** The names of the "directories" one level under {@code prefix} (which ends with '/'), without the slash. */
    public List<String> children(String prefix) {
        return objects.children(prefix);
    }
}
