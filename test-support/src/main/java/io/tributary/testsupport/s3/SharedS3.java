package io.tributary.testsupport.s3;

import io.tributary.testsupport.TempDirs;

import java.nio.file.Path;

/**
 * One S3 server per test JVM, with the local stack's credentials ({@value #ACCESS_KEY}/{@value #SECRET_KEY}) and
 * bucket ({@value #BUCKET}), started by the first test that asks and stopped by a shutdown hook. Tests keep apart by
 * object key prefix.
 *
 * <p>The endpoint is also published as the system property {@value #PROPERTY}: a copy of this class loaded by another
 * class loader in the same JVM (a Quarkus test resource and a JUnit extension may not share one) connects to the
 * running server rather than starting a second one with other data. Setting it by hand points the tests at any S3
 * endpoint with these credentials and bucket.
 */
public final class SharedS3 {
    public static final String PROPERTY = "tributary.test.s3.endpoint";
    public static final String ACCESS_KEY = "minioadmin";
    public static final String SECRET_KEY = "minioadmin";
    public static final String BUCKET = "tributary";

    private static EmbeddedS3 server;

    private SharedS3() {
    }

    /** The shared server, started if this JVM has none yet, with bucket {@value #BUCKET} created. */
    public static synchronized EmbeddedS3 instance() {
        if (server != null) {
            return server;
        }
        String running = System.getProperty(PROPERTY);
        if (running != null) {
            EmbeddedS3 connected = EmbeddedS3.connect(running, ACCESS_KEY, SECRET_KEY);
            connected.createBucket(BUCKET);
            server = connected;
            return server;
        }
        Path dir = TempDirs.create("tributary-s3-");
        EmbeddedS3 started;
        try {
            started = EmbeddedS3.start(dir, 0, ACCESS_KEY, SECRET_KEY);
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: a consumer's class path without S3Proxy's jars
            TempDirs.delete(dir);
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            started.close();
            TempDirs.delete(dir);
        }, "shared-s3-shutdown"));
        started.createBucket(BUCKET);
        System.setProperty(PROPERTY, started.endpoint());
        server = started;
        return server;
    }
}
