package io.tributary.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;

/**
 * The object store holding the archives, under {@code tributary.s3.*} (the same keys as every worker's, so one set
 * of environment variables configures them all). auth-service only signs download links with it; it never reads or
 * writes objects. Defaults match the local stack's S3 server and MinIO's stock credentials.
 */
@ConfigMapping(prefix = "tributary.s3")
public interface S3Config {

    @WithDefault("http://127.0.0.1:9000")
    URI endpoint();

    @WithDefault("minioadmin")
    String accessKey();

    @WithDefault("minioadmin")
    String secretKey();

    /** One bucket holds live/, thumbnails/ and archive/ (see docs/architecture.md, object layout). */
    @WithDefault("tributary")
    String bucket();

    /** Given explicitly so the S3 client never has to ask the server for the bucket's location. */
    @WithDefault("us-east-1")
    String region();
}
