package io.tributary.storage;

/**
 * Where the bucket is and how to sign requests to it: the {@code tributary.s3.*} settings every worker shares.
 *
 * @param endpoint       e.g. {@code http://127.0.0.1:9000} (the local stack's S3 server) or a MinIO/AWS endpoint
 * @param region         sent explicitly so the client never has to look the bucket's location up
 * @param maxConnections requests in flight to the endpoint at once (and idle connections kept): at least the number
 *                       of uploads a service runs concurrently, or the rest queue in the HTTP client (OkHttp allows 5
 *                       per host unless told otherwise)
 * @param signPayload    whether PUT bodies are signed (the SDK hashes each with SHA-256 on http endpoints, the server
 *                       hashes it again) rather than sent as {@code UNSIGNED-PAYLOAD} (see {@link UnsignedPayloadClient})
 */
public record S3Settings(String endpoint, String accessKey, String secretKey, String bucket, String region,
                         int maxConnections, boolean signPayload) {
    /** Enough for a transcode worker's renditions and segments in flight, far below what an S3 endpoint accepts. */
    public static final int DEFAULT_MAX_CONNECTIONS = 64;

    public S3Settings {
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalArgumentException("tributary.s3.endpoint is empty");
        }
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("tributary.s3.bucket is empty");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("tributary.s3.max-connections must be positive: " + maxConnections);
        }
    }

    /** Unsigned payloads. */
    public S3Settings(String endpoint, String accessKey, String secretKey, String bucket, String region,
                      int maxConnections) {
        this(endpoint, accessKey, secretKey, bucket, region, maxConnections, false);
    }

    /** With {@link #DEFAULT_MAX_CONNECTIONS} and unsigned payloads. */
    public S3Settings(String endpoint, String accessKey, String secretKey, String bucket, String region) {
        this(endpoint, accessKey, secretKey, bucket, region, DEFAULT_MAX_CONNECTIONS, false);
    }

    @Override
    public String toString() {
        // never print the secret key
        return "S3Settings[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", maxConnections="
                + maxConnections + ", signPayload=" + signPayload + "]";
    }
}
