package io.tributary.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;

/**
 * The {@code tributary.s3.*} configuration group, read the same way by every service that talks to object storage
 * (transcode, thumbnail, archive; auth only signs archive links with it), so one set of environment variables
 * configures them all. Defaults match the local stack's S3 server and MinIO's stock credentials.
 *
 * <p>A Quarkus config mapping: the jar carries a {@code META-INF/beans.xml} so that Quarkus indexes it and finds the
 * mapping. Code outside Quarkus builds {@link S3Settings} directly.
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
    @WithDefault("" + S3Settings.DEFAULT_MAX_CONNECTIONS)
    int maxConnections();

    /**
     * Whether PUT bodies are signed: then the client hashes every byte with SHA-256 on an {@code http://} endpoint and
     * the server hashes it again. Off, bodies go as SigV4's {@code UNSIGNED-PAYLOAD} (the request itself stays signed),
     * which AWS S3, MinIO and S3Proxy accept on http and https; turn it on for plain http across a network you do not
     * trust with the bytes' integrity.
     */
    @WithDefault("false")
    boolean signPayload();

    /** What {@link ObjectStore} is built from. */
    default S3Settings settings() {
        return new S3Settings(endpoint().toString(), accessKey(), secretKey(), bucket(), region(), maxConnections(),
                signPayload());
    }
}
