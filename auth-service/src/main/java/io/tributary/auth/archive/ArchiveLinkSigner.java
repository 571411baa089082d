package io.tributary.auth.archive;

import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioClient;
import io.minio.http.Method;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Presigns GET URLs for archive objects, which are private ({@code archive/} is not a public prefix): a link that
 * works for a short while, so the status page can offer a download without handing out credentials.
 *
 * <p>Signing is local (AWS Signature Version 4 query-string authentication, computed with the secret key): the region
 * is given explicitly, so the client never asks the server for the bucket's location, and nothing here does I/O.
 * The endpoint signed for is the one the browser will use (the signature covers the Host header), which may differ
 * from the endpoint the services reach the store by.
 *
 * <p>Written here rather than in media-storage's {@code ObjectStore} because auth-service only signs and never
 * reads or writes objects.
 */
public final class ArchiveLinkSigner {
    /** SigV4 presigned URLs are valid for at most seven days (AWS S3 API reference, "Authenticating Requests"). */
    static final Duration MAX_EXPIRY = Duration.ofDays(7);

    private final MinioClient client;
    private final String bucket;
    private final Duration expiry;
    private final Clock clock;

    public ArchiveLinkSigner(URI endpoint, String accessKey, String secretKey, String bucket, String region,
                             Duration expiry, Clock clock) {
        if (expiry.compareTo(Duration.ofSeconds(1)) < 0 || expiry.compareTo(MAX_EXPIRY) > 0) {
            throw new IllegalArgumentException("archive link expiry must be between 1 s and 7 days, is " + expiry);
        }
        this.client = MinioClient.builder().endpoint(endpoint.toString()).credentials(accessKey, secretKey)
                .region(region).build();
        this.bucket = bucket;
        this.expiry = expiry;
        this.clock = clock;
    }

    /** A GET URL of the object {@code key}, valid for the configured expiry from now. */
    public ArchiveLink sign(String key) {
        Instant now = clock.instant();
        try {
            String url = client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.GET)
                    .bucket(bucket).object(key).expiry((int) expiry.toSeconds()).build());
            return new ArchiveLink(URI.create(url), now.plus(expiry));
        } catch (Exception e) {
            // local computation only: a failure here is a configuration error (bad endpoint, empty credentials)
            throw new IllegalStateException("cannot presign " + key + ": " + e.getMessage(), e);
        }
    }
}
