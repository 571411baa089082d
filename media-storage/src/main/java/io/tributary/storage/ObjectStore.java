package io.tributary.storage;

import com.google.common.collect.HashMultimap;
import com.google.common.collect.Multimap;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.S3Escaper;
import io.minio.SetBucketPolicyArgs;
import io.minio.StatObjectArgs;
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.minio.messages.Item;
import io.minio.messages.Part;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.RequestBody;
import org.jboss.logging.Logger;

/**
 * The one class of a service that talks to object storage. Blocking (the MinIO client is): call it from worker
 * threads, never from an event loop.
 *
 * <p>Objects under {@link #PUBLIC_PREFIXES} are readable without credentials: each is uploaded with the
 * {@code x-amz-acl: public-read} header (honoured by S3Proxy and AWS) and the bucket carries a public-read policy on
 * those prefixes (honoured by MinIO), see {@link PublicReadPolicy}.
 *
 * <p>PUT bodies (objects, files, parts) go as SigV4's {@code UNSIGNED-PAYLOAD} unless
 * {@link S3Settings#signPayload()}: signing them made the SDK copy and the SDK and the server hash every byte with
 * SHA-256, about a third of the storage CPU on the local stack ({@link UnsignedPayloadClient}, bench/storage).
 */
public final class ObjectStore {
    /** Largest object {@link #get} reads: four times the largest GOP record (16 MiB). */
    public static final int MAX_GET_BYTES = 64 * 1024 * 1024;
    /** What players and CDNs may read anonymously; everything else (archives) needs credentials. */
    public static final List<String> PUBLIC_PREFIXES = List.of("live/", "thumbnails/");

    /**
     * The smallest multipart part but the last: S3's UploadPart and UploadPartCopy limit, which MinIO and S3Proxy
     * (answering EntityTooSmall at completion) enforce as well.
     */
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    /** S3's limit of keys in one DeleteObjects request. */
    static final int MAX_KEYS_PER_DELETE = 1000;

    /** Parts of a file upload: 16 MiB keeps a 200 MB upload to 13 requests and the buffer small. */
    private static final long FILE_PART_SIZE = 16L * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(ObjectStore.class);

    private final MinioClient client;
    /** The same HTTP client, for unsigned-payload PUTs and the multipart calls MinioClient keeps to itself. */
    private final UnsignedPayloadClient async;
    private final S3Settings settings;
    /**
     * Threads for {@link #putAsync} with signed payloads only. Made with the store: the pool starts a thread only when a
     * put needs one, and idle ones end, so a store with unsigned payloads never runs one.
     */
    private final ExecutorService signedPuts;

    public ObjectStore(S3Settings settings) {
        this.settings = settings;
        OkHttpClient http = httpClient(settings.maxConnections());
        this.client = MinioClient.builder()
                .endpoint(settings.endpoint())
                .credentials(settings.accessKey(), settings.secretKey())
                .region(settings.region())
                .httpClient(http)
                .build();
        this.async = new UnsignedPayloadClient(MinioAsyncClient.builder()
                .endpoint(settings.endpoint())
                .credentials(settings.accessKey(), settings.secretKey())
                .region(settings.region())
                .httpClient(http)
                .build());
        this.signedPuts = signedPutPool(settings.maxConnections());
    }

    /**
     * MinIO's own client settings (5-minute timeouts, HTTP/1.1), with room for {@code maxConnections} requests to the
     * one host at once: OkHttp's dispatcher otherwise runs 5 per host and queues the rest, which MinioClient's
     * blocking calls (made asynchronous underneath) wait in. Sockets without Nagle's algorithm: with it, a large PUT
     * waited for the server's delayed ACK ({@link NoDelaySocketFactory}).
     */
    private static OkHttpClient httpClient(int maxConnections) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(maxConnections);
        dispatcher.setMaxRequestsPerHost(maxConnections);
        long timeout = TimeUnit.MINUTES.toMillis(5);
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .socketFactory(new NoDelaySocketFactory())
                .connectionPool(new ConnectionPool(maxConnections, 5, TimeUnit.MINUTES))
                .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .writeTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .protocols(List.of(Protocol.HTTP_1_1))
                .build();
    }

    public String bucket() {
        return settings.bucket();
    }

    /** Creates the bucket if missing and sets the public-read policy where the server supports policies. */
    public void ensureBucket() {
        String bucket = settings.bucket();
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                LOG.infof("created bucket %s at %s", bucket, settings.endpoint());
            }
        } catch (ErrorResponseException e) {
            // another instance created it between our check and our create
            if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) {
                throw new ObjectStorageException("cannot create bucket " + bucket + ": " + e.getMessage(), e);
            }
        } catch (Exception e) {
            throw new ObjectStorageException("cannot reach bucket " + bucket + " at " + settings.endpoint() + ": " + e, e);
        }
        try {
            client.setBucketPolicy(SetBucketPolicyArgs.builder().bucket(bucket)
                    .config(PublicReadPolicy.json(bucket, PUBLIC_PREFIXES)).build());
        } catch (Exception e) {
            // S3Proxy has no bucket policies; the per-object ACL does the job there
            LOG.debugf("bucket policy not supported by %s (%s); relying on object ACLs", settings.endpoint(), e.getMessage());
        }
    }

    public void put(StoredObject object) {
        if (!settings.signPayload()) {
            try {
                putAsync(object).join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof ObjectStorageException s ? s
                        : new ObjectStorageException("cannot put " + object.key() + ": " + causeOf(e), e.getCause());
            }
            return;
        }
        boolean publicRead = isPublic(object.key());
        byte[] bytes = object.bytes();
        try {
            Map<String, String> headers = publicRead
                    ? Map.of("Cache-Control", object.cacheControl(), "x-amz-acl", "public-read")
                    : Map.of("Cache-Control", object.cacheControl());
            client.putObject(PutObjectArgs.builder()
                    .bucket(settings.bucket())
                    .object(object.key())
                    .stream(new ByteArrayInputStream(bytes), bytes.length, -1)
                    .contentType(object.contentType())
                    .headers(headers)
                    .build());
        } catch (Exception e) {
            throw new ObjectStorageException("cannot put " + object.key() + ": " + causeOf(e), e);
        }
    }

    /**
     * {@link #put} without holding a thread of the caller's while the request is in flight: the stage completes when
     * the object is stored, or exceptionally with an {@link ObjectStorageException}. With signed payloads
     * ({@code tributary.s3.sign-payload}) the SDK must hash the body first, on a thread: the put runs on a pool of
     * this store's own, one thread per connection the store allows ({@code tributary.s3.max-connections}), never on
     * the common pool (one thread on two CPUs).
     */
    public CompletableFuture<Void> putAsync(StoredObject object) {
        if (settings.signPayload()) {
            return CompletableFuture.runAsync(() -> put(object), signedPuts);
        }
        Multimap<String, String> headers = headers(object.contentType(), object.cacheControl());
        if (isPublic(object.key())) {
            headers.put("x-amz-acl", "public-read");
        }
        byte[] bytes = object.bytes();
        return async.putUnsigned(settings.bucket(), settings.region(), object.key(),
                        RequestBody.create(bytes, null, 0, bytes.length), headers, null)
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw new ObjectStorageException("cannot put " + object.key() + ": " + causeOf(failure),
                                failure);
                    }
                    response.close();
                    return null;
                });
    }

    /** One thread per connection the store allows; daemons, so a store nobody closes does not keep the JVM up. */
    private static ExecutorService signedPutPool(int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "s3-signed-put");
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static boolean isPublic(String key) {
        return PUBLIC_PREFIXES.stream().anyMatch(key::startsWith);
    }

    private static Multimap<String, String> headers(String contentType, String cacheControl) {
        Multimap<String, String> headers = HashMultimap.create();
        headers.put("Content-Type", contentType);
        headers.put("Cache-Control", cacheControl);
        return headers;
    }

    /**
     * The object's bytes, or empty when there is no such object.
     *
     * @throws ObjectStorageException also for an object over {@link #MAX_GET_BYTES}: nothing the services read whole
     *                                (state objects, playlists, archive pieces of one GOP) comes near it, so a larger
     *                                one is not ours and must not be read into memory
     */
    public Optional<byte[]> get(String key) {
        byte[] bytes;
        try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(settings.bucket()).object(key).build())) {
            bytes = in.readNBytes(MAX_GET_BYTES + 1);
        } catch (ErrorResponseException e) {
            if (isNotFound(e)) {
                return Optional.empty();
            }
            throw new ObjectStorageException("cannot get " + key + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new ObjectStorageException("cannot get " + key + ": " + e.getMessage(), e);
        }
        if (bytes.length > MAX_GET_BYTES) {
            throw new ObjectStorageException("cannot get " + key + ": larger than the " + MAX_GET_BYTES
                    + " bytes an object read whole may have", null);
        }
        return Optional.of(bytes);
    }

    public boolean exists(String key) {
        try {
            client.statObject(StatObjectArgs.builder().bucket(settings.bucket()).object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            if (isNotFound(e)) {
                return false;
            }
            throw new ObjectStorageException("cannot stat " + key + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new ObjectStorageException("cannot stat " + key + ": " + e.getMessage(), e);
        }
    }

    /** Keys under {@code prefix}, recursively, in the server's (lexicographic) order. */
    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        try {
            for (Result<Item> r : client.listObjects(ListObjectsArgs.builder()
                    .bucket(settings.bucket()).prefix(prefix).recursive(true).build())) {
                Item item = r.get();
                if (!item.isDir()) {
                    keys.add(item.objectName());
                }
            }
        } catch (Exception e) {
            throw new ObjectStorageException("cannot list " + prefix + ": " + e.getMessage(), e);
        }
        return keys;
    }

    /** The names of the "directories" one level under {@code prefix} (which ends with '/'), without the slash. */
    public List<String> children(String prefix) {
        List<String> names = new ArrayList<>();
        try {
            for (Result<Item> r : client.listObjects(ListObjectsArgs.builder()
                    .bucket(settings.bucket()).prefix(prefix).delimiter("/").recursive(false).build())) {
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

    /**
     * Uploads a file of any size without reading it into memory (multipart above one part); the object appears whole
     * or not at all.
     */
    public void putFile(String key, Path file, String contentType, String cacheControl) {
        try {
            if (settings.signPayload()) {
                client.uploadObject(UploadObjectArgs.builder()
                        .bucket(settings.bucket())
                        .object(key)
                        .filename(file.toString(), FILE_PART_SIZE)
                        .contentType(contentType)
                        .headers(Map.of("Cache-Control", cacheControl))
                        .build());
                return;
            }
            long size = Files.size(file);
            if (size <= FILE_PART_SIZE) {
                async.putUnsigned(settings.bucket(), settings.region(), key, new FileRegionBody(file, 0, size),
                        headers(contentType, cacheControl), null).join().close();
                return;
            }
            String uploadId = startUpload(key, contentType, cacheControl);
            try {
                List<Part> parts = new ArrayList<>();
                for (long offset = 0; offset < size; offset += FILE_PART_SIZE) {
                    RequestBody part = new FileRegionBody(file, offset, Math.min(FILE_PART_SIZE, size - offset));
                    parts.add(uploadPart(key, uploadId, parts.size() + 1, part).join());
                }
                completeUpload(key, uploadId, parts.toArray(new Part[0]));
            } catch (RuntimeException e) {
                abort(key, uploadId);
                throw e;
            }
        } catch (Exception e) {
            throw new ObjectStorageException("cannot upload " + key + ": " + causeOf(e), e);
        }
    }

    /**
     * Writes {@code key} as the objects {@code sources}, one after the other, followed by {@code tail}: a multipart
     * upload whose parts are server-side copies of the sources (S3 UploadPartCopy) and one uploaded part, so only the
     * tail's bytes travel. The object appears whole at completion or not at all; writing it again replaces it.
     *
     * @param sources objects of at least {@link #MIN_PART_SIZE} bytes each, except the last part of all (the server
     *                refuses smaller ones); with none, this is a plain PUT of the tail
     * @param tail    bytes after the sources (may be empty when there are sources)
     */
    public void compose(String key, List<String> sources, byte[] tail, String contentType, String cacheControl) {
        if (sources.isEmpty()) {
            put(new StoredObject(key, tail, contentType, cacheControl));
            return;
        }
        String bucket = settings.bucket();
        String uploadId;
        try {
            uploadId = startUpload(key, contentType, cacheControl);
        } catch (Exception e) {
            throw new ObjectStorageException("cannot start the upload of " + key + ": " + causeOf(e), e);
        }
        try {
            // the parts are independent: all in flight at once (the HTTP client runs maxConnections of them)
            List<CompletableFuture<Part>> parts = new ArrayList<>();
            for (String source : sources) {
                Multimap<String, String> copy = HashMultimap.create();
                copy.put("x-amz-copy-source", S3Escaper.encodePath(bucket + "/" + source));
                int number = parts.size() + 1;
                parts.add(async.uploadPartCopyAsync(bucket, settings.region(), key, uploadId, number, copy, null)
                        .thenApply(r -> new Part(number, r.result().etag())));
            }
            if (tail.length > 0) {
                int number = parts.size() + 1;
                parts.add(settings.signPayload()
                        ? async.uploadPartAsync(bucket, settings.region(), key, tail, tail.length, uploadId, number,
                                null, null).thenApply(r -> new Part(number, r.etag()))
                        : uploadPart(key, uploadId, number, RequestBody.create(tail, null, 0, tail.length)));
            }
            Part[] done = new Part[parts.size()];
            for (int i = 0; i < done.length; i++) {
                done[i] = parts.get(i).join();
            }
            completeUpload(key, uploadId, done);
        } catch (Exception e) {
            abort(key, uploadId);
            throw new ObjectStorageException("cannot compose " + key + " from " + sources.size() + " objects: "
                    + causeOf(e), e);
        }
    }

    private String startUpload(String key, String contentType, String cacheControl) throws Exception {
        return async.createMultipartUploadAsync(settings.bucket(), settings.region(), key,
                headers(contentType, cacheControl), null).join().result().uploadId();
    }

    /** An unsigned UploadPart; its ETag as the SDK's own UploadPartResponse gives it (without quotes). */
    private CompletableFuture<Part> uploadPart(String key, String uploadId, int number, RequestBody body) {
        Multimap<String, String> query = HashMultimap.create();
        query.put("partNumber", Integer.toString(number));
        query.put("uploadId", uploadId);
        return async.putUnsigned(settings.bucket(), settings.region(), key, body, HashMultimap.create(), query)
                .thenApply(response -> {
                    try (response) {
                        String etag = response.header("ETag");
                        return new Part(number, etag == null ? null : etag.replace("\"", ""));
                    }
                });
    }

    private void completeUpload(String key, String uploadId, Part[] parts) throws Exception {
        async.completeMultipartUploadAsync(settings.bucket(), settings.region(), key, uploadId, parts, null, null)
                .join();
    }

    private void abort(String key, String uploadId) {
        try {
            async.abortMultipartUploadAsync(settings.bucket(), settings.region(), key, uploadId, null, null).join();
        } catch (Exception e) {
            // the server's lifecycle rules clean up abandoned uploads; nothing else depends on this one
            LOG.debugf("cannot abort upload %s of %s: %s", uploadId, key, causeOf(e));
        }
    }

    private static String causeOf(Throwable e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** Deletes the object; deleting a missing object is not an error (replays delete twice). */
    public void delete(String key) {
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(settings.bucket()).object(key).build());
        } catch (ErrorResponseException e) {
            if (!isNotFound(e)) {
                throw new ObjectStorageException("cannot delete " + key + ": " + e.getMessage(), e);
            }
        } catch (Exception e) {
            throw new ObjectStorageException("cannot delete " + key + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes the objects with S3's multi-object delete (DeleteObjects, {@value #MAX_KEYS_PER_DELETE} keys a request)
     * rather than a request each: transcode retires two or more segments per GOP of every channel, and per request a
     * server pays its parsing, signature check and bookkeeping. A missing object is not an error.
     *
     * @return the keys that could not be deleted, each with the server's reason (try them again later)
     * @throws ObjectStorageException when a request fails as a whole (the keys of earlier requests may be deleted:
     *                                deleting again is harmless)
     */
    public Map<String, String> deleteAll(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<DeleteObject> objects = keys.stream().map(DeleteObject::new).toList();
        Map<String, String> failed = new LinkedHashMap<>();
        // one call per request's worth of keys: the SDK splits a longer list itself, but stops after the first
        // request that reports any per-key error, without saying so, and the keys after it would pass as deleted
        for (int from = 0; from < objects.size(); from += MAX_KEYS_PER_DELETE) {
            List<DeleteObject> batch = objects.subList(from, Math.min(objects.size(), from + MAX_KEYS_PER_DELETE));
            try {
                // lazy: the request is made as the results are read, so every result is read
                for (Result<DeleteError> result : client.removeObjects(
                        RemoveObjectsArgs.builder().bucket(settings.bucket()).objects(batch).build())) {
                    DeleteError error = result.get();
                    if (!"NoSuchKey".equals(error.code())) {
                        failed.put(error.objectName(), error.code() + ": " + error.message());
                    }
                }
            } catch (Exception e) {
                throw new ObjectStorageException("cannot delete " + batch.size() + " objects: " + e.getMessage(), e);
            }
        }
        return failed;
    }

    private static boolean isNotFound(ErrorResponseException e) {
        String code = e.errorResponse().code();
        return "NoSuchKey".equals(code) || "NoSuchObject".equals(code) || e.response().code() == 404;
    }
}
