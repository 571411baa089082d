package io.tributary.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.SetBucketPolicyArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The one class of a service that talks to object storage. Blocking (the MinIO client is): call it from worker
 * threads, never from an event loop.
 *
 * <p>Objects under {@link #PUBLIC_PREFIXES} are readable without credentials: each is uploaded with the
 * {@code x-amz-acl: public-read} header (honoured by S3Proxy and AWS) and the bucket carries a public-read policy on
 * those prefixes (honoured by MinIO), see {@link PublicReadPolicy}.
 */
public final class ObjectStore {
    /** What players and CDNs may read anonymously; everything else (archives) needs credentials. */
    public static final List<String> PUBLIC_PREFIXES = List.of("live/", "thumbnails/");

    private static final Logger LOG = Logger.getLogger(ObjectStore.class);

    private final MinioClient client;
    private final S3Settings settings;

    public ObjectStore(S3Settings settings) {
        this.settings = settings;
        this.client = MinioClient.builder()
                .endpoint(settings.endpoint())
                .credentials(settings.accessKey(), settings.secretKey())
                .region(settings.region())
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
        boolean publicRead = PUBLIC_PREFIXES.stream().anyMatch(object.key()::startsWith);
        Map<String, String> headers = publicRead
                ? Map.of("Cache-Control", object.cacheControl(), "x-amz-acl", "public-read")
                : Map.of("Cache-Control", object.cacheControl());
        try {
            client.putObject(PutObjectArgs.builder()
                    .bucket(settings.bucket())
                    .object(object.key())
                    .stream(new ByteArrayInputStream(object.bytes()), object.bytes().length, -1)
                    .contentType(object.contentType())
                    .headers(headers)
                    .build());
        } catch (Exception e) {
            throw new ObjectStorageException("cannot put " + object.key() + ": " + e.getMessage(), e);
        }
    }

    /** The object's bytes, or empty when there is no such object. */
    public Optional<byte[]> get(String key) {
        try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(settings.bucket()).object(key).build())) {
            return Optional.of(in.readAllBytes());
        } catch (ErrorResponseException e) {
            if (isNotFound(e)) {
                return Optional.empty();
            }
            throw new ObjectStorageException("cannot get " + key + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new ObjectStorageException("cannot get " + key + ": " + e.getMessage(), e);
        }
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

    private static boolean isNotFound(ErrorResponseException e) {
        String code = e.errorResponse().code();
        return "NoSuchKey".equals(code) || "NoSuchObject".equals(code) || e.response().code() == 404;
    }
}
