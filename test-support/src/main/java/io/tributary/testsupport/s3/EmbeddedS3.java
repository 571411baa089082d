package io.tributary.testsupport.s3;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import io.tributary.testsupport.LoopbackPorts;
import io.tributary.testsupport.ServerLogLevels;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * A real S3-compatible server in this JVM: S3Proxy with its {@code filesystem-nio2} back end, one directory per
 * bucket under {@code dataDir}, so objects survive a restart.
 *
 * <p>Requests must be signed (AWS V2 or V4) with the given key pair, except anonymous GET/HEAD of objects that were
 * put with {@code x-amz-acl: public-read}, which is how players read {@code live/} and {@code thumbnails/}. CORS
 * answers every origin for GET, HEAD, PUT and POST, as a browser player needs.
 */
public final class EmbeddedS3 implements AutoCloseable {
    /** The region every Tributary S3 client names; S3Proxy accepts any, and naming one saves MinIO a lookup. */
    public static final String REGION = "us-east-1";

    private final S3Proxy proxy;
    private final BlobStoreContext blobStore;
    private final String endpoint;
    private final String accessKey;
    private final String secretKey;
    private final MinioClient client;
    private boolean closed;

    private EmbeddedS3(S3Proxy proxy, BlobStoreContext blobStore, String endpoint, String accessKey, String secretKey) {
        this.proxy = proxy;
        this.blobStore = blobStore;
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.client = MinioClient.builder().endpoint(endpoint).credentials(accessKey, secretKey).region(REGION).build();
    }

    /**
     * Starts S3Proxy on {@code 127.0.0.1:port} with its data in {@code dataDir}.
     *
     * @param port 0 for a free one
     * @throws io.tributary.testsupport.PortInUseException if {@code port} is taken
     */
    public static EmbeddedS3 start(Path dataDir, int port, String accessKey, String secretKey) {
        ServerLogLevels.quiet();
        int wanted = port == 0 ? 0 : LoopbackPorts.requireFree(port, "S3");
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create S3 data directory " + dataDir, e);
        }
        Properties overrides = new Properties();
        overrides.setProperty("jclouds.filesystem.basedir", dataDir.toAbsolutePath().toString());
        // filesystem-nio2 is S3Proxy's own back end: jclouds' "filesystem" lists directory placeholders as objects
        BlobStoreContext blobStore = ContextBuilder.newBuilder("filesystem-nio2")
                .credentials("local", "local")
                .overrides(overrides)
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new WholeBufferBlobStore(blobStore.getBlobStore()))
                .endpoint(URI.create("http://127.0.0.1:" + wanted))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .corsRules(new CrossOriginResourceSharing(
                        List.of("*"),
                        List.of("GET", "HEAD", "PUT", "POST"),
                        List.of("*"),
                        List.of("ETag", "Content-Length", "Content-Range"),
                        "false"))
                .build();
        try {
            proxy.start();
            awaitStarted(proxy);
        } catch (Exception e) {
            stopQuietly(proxy);
            blobStore.close();
            throw new IllegalStateException("S3 server did not start on 127.0.0.1:" + wanted + " with data in " + dataDir, e);
        }
        return new EmbeddedS3(proxy, blobStore, "http://127.0.0.1:" + proxy.getPort(), accessKey, secretKey);
    }

    /** A handle on a server that runs elsewhere in this JVM (or anywhere): {@link #close()} leaves it running. */
    static EmbeddedS3 connect(String endpoint, String accessKey, String secretKey) {
        return new EmbeddedS3(null, null, endpoint, accessKey, secretKey);
    }

    /** {@code http://127.0.0.1:port}. */
    public String endpoint() {
        return endpoint;
    }

    public int port() {
        return URI.create(endpoint).getPort();
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /** A MinIO client signed with this server's key pair, region {@value #REGION}. */
    public MinioClient client() {
        return client;
    }

    /** Creates the bucket unless it exists. */
    public void createBucket(String name) {
        try {
            if (client.bucketExists(BucketExistsArgs.builder().bucket(name).build())) {
                return;
            }
            client.makeBucket(MakeBucketArgs.builder().bucket(name).build());
        } catch (ErrorResponseException e) {
            String code = e.errorResponse().code();
            // someone else made it between our two requests
            if (!"BucketAlreadyOwnedByYou".equals(code) && !"BucketAlreadyExists".equals(code)) {
                throw new IllegalStateException("cannot create bucket " + name + " on " + endpoint + ": " + code, e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create bucket " + name + " on " + endpoint, e);
        }
    }

    /** Stops the server; the data stays. Calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (proxy != null) {
            stopQuietly(proxy);
            blobStore.close();
        }
    }

    private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if ("FAILED".equals(proxy.getState()) || System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy is " + proxy.getState());
            }
            Thread.sleep(5);
        }
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception ignored) {
            // stopping a server that failed to start; the start failure is what the caller hears about
        }
    }
}
