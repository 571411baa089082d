package io.tributary.archive.store;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.UploadObjectArgs;
import io.minio.messages.Item;
import io.tributary.storage.ObjectStorageException;
import io.tributary.storage.ObjectStore;
import io.tributary.storage.S3Settings;
import io.tributary.storage.StoredObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * archive-service's one door to object storage: the shared {@link ObjectStore} for small objects, plus the two
 * things it lacks that an archive needs — a streaming multipart upload from a file (a 10-minute 1080p archive is
 * ~200 MB, never held on the heap) and a one-level listing (to find sessions without listing every piece).
 * Blocking: worker threads only.
 */
public final class ArchiveStore {
    public static final String MP4 = "video/mp4";
    public static final String FLV = "video/x-flv";

    /** Multipart part size: 16 MiB parts keep a 200 MB upload to 13 requests and the buffer small. */
    private static final long PART_SIZE = 16L * 1024 * 1024;

    private final ObjectStore objects;
    private final MinioClient client;
    private final String bucket;

    public ArchiveStore(S3Settings settings) {
        this.objects = new ObjectStore(settings);
        this.bucket = settings.bucket();
        this.client = MinioClient.builder()
                .endpoint(settings.endpoint())
                .credentials(settings.accessKey(), settings.secretKey())
                .region(settings.region())
                .build();
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

    /** Uploads a file of any size (multipart above one part); the object appears whole or not at all. */
    public void putFile(String key, Path file, String contentType) {
        try {
            client.uploadObject(UploadObjectArgs.builder()
                    .bucket(bucket)
                    .object(key)
                    .filename(file.toString(), PART_SIZE)
                    .contentType(contentType)
                    .headers(Map.of("Cache-Control", StoredObject.IMMUTABLE))
                    .build());
        } catch (Exception e) {
            throw new ObjectStorageException("cannot upload " + key + ": " + e.getMessage(), e);
        }
    }

    /** The names of the "directories" one level under {@code prefix} (which ends with '/'), without the slash. */
    public List<String> children(String prefix) {
        List<String> names = new ArrayList<>();
        try {
            for (Result<Item> r : client.listObjects(ListObjectsArgs.builder()
                    .bucket(bucket).prefix(prefix).delimiter("/").recursive(false).build())) {
                Item item = r.get();
                if (item.isDir()) {
                    String name = item.objectName().substring(prefix.length());
                    names.add(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
                }
            }
        } catch (Exception e) {
            throw new ObjectStorageException("cannot list " + prefix + ": " + e.getMessage(), e);
        }
        return names;
    }
}
