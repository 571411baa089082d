package io.tributary.archive.store;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;

/**
 * Where archive-service writes session MP4 archives: any S3-compatible object store, under {@code tributary.s3.*} (the same keys in
 * every worker, so one set of environment variables configures them all). Defaults match the local stack's
 * S3 server and MinIO's stock credentials.
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

    /** Requests in flight to the endpoint at once (and idle connections kept); OkHttp's own default is 5 per host. */
    @WithDefault("64")
    int maxConnections();
}
