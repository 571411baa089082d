package io.tributary.testsupport.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tributary.testsupport.s3.EmbeddedS3;
import io.tributary.testsupport.s3.SharedS3;

import java.util.Map;

/**
 * {@code @QuarkusTestResource(S3TestResource.class)}: points the application under test at the JVM's shared S3
 * server through the {@code tributary.s3.*} configuration group every service reads. The server outlives the test
 * class: a shutdown hook stops it.
 */
public final class S3TestResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        EmbeddedS3 s3 = SharedS3.instance();
        return Map.of(
                "tributary.s3.endpoint", s3.endpoint(),
                "tributary.s3.access-key", s3.accessKey(),
                "tributary.s3.secret-key", s3.secretKey(),
                "tributary.s3.bucket", SharedS3.BUCKET,
                "tributary.s3.region", EmbeddedS3.REGION);
    }

    @Override
    public void stop() {
        // shared with the rest of the JVM: SharedS3's shutdown hook stops it
    }
}
