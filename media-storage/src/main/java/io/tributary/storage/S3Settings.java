package io.tributary.storage;

/**
 * Where the bucket is and how to sign requests to it: the {@code tributary.s3.*} settings every worker shares.
 *
 * @param endpoint  e.g. {@code http://127.0.0.1:9000} (the local stack's S3 server) or a MinIO/AWS endpoint
 * @param region    sent explicitly so the client never has to look the bucket's location up
 */
public record S3Settings(String endpoint, String accessKey, String secretKey, String bucket, String region) {
    public S3Settings {
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalArgumentException("tributary.s3.endpoint is empty");
        }
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("tributary.s3.bucket is empty");
        }
    }

    @Override
    public String toString() {
        // never print the secret key
        return "S3Settings[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + "]";
    }
}
