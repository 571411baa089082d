package io.tributary.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What goes on the wire for a PUT on a plain-http endpoint (issue 10: the SDK hashed every payload there): the body
 * as it is, {@code x-amz-content-sha256: UNSIGNED-PAYLOAD} covered by the signature, and no Content-MD5. A recording
 * HTTP server stands in for S3; ObjectStoreIT shows a real S3 server accepts these requests and refuses a wrong key.
 */
class UnsignedPayloadTest {
    private record Received(String method, String path, Headers headers, byte[] body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private ObjectStore store;

    @BeforeEach
    void startRecordingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes()));
            exchange.getResponseHeaders().add("ETag", "\"0123\"");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        store = new ObjectStore(new S3Settings("http://127.0.0.1:" + server.getAddress().getPort(), "key", "secret",
                "bucket", "us-east-1"));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void putSendsTheBodyUnsignedWithItsHeadersAndNoContentMd5() {
        byte[] segment = {0, 1, 2, 3, 4, 5};
        store.put(StoredObject.immutable("live/ch/source/s-1.m4s", segment, "video/iso.segment"));

        Received put = received.get(0);
        assertEquals("PUT", put.method());
        assertEquals("/bucket/live/ch/source/s-1.m4s", put.path());
        assertArrayEquals(segment, put.body());
        assertEquals("UNSIGNED-PAYLOAD", put.headers().getFirst("x-amz-content-sha256"));
        assertNull(put.headers().getFirst("Content-MD5"));
        assertEquals("video/iso.segment", put.headers().getFirst("Content-Type"));
        assertEquals(StoredObject.IMMUTABLE, put.headers().getFirst("Cache-Control"));
        assertEquals("public-read", put.headers().getFirst("x-amz-acl"));
        String authorization = put.headers().getFirst("Authorization");
        assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=key/"), authorization);
        assertTrue(authorization.contains("x-amz-content-sha256"), "the payload marker is signed: " + authorization);
    }

    @Test
    void putFileSendsTheFileUnsigned(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("chunk.mp4");
        byte[] bytes = new byte[100_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(file, bytes);
        store.putFile("archive-parts/ch/s/chunk-0", file, "video/mp4", StoredObject.IMMUTABLE);

        Received put = received.get(0);
        assertArrayEquals(bytes, put.body());
        assertEquals("UNSIGNED-PAYLOAD", put.headers().getFirst("x-amz-content-sha256"));
        assertEquals("video/mp4", put.headers().getFirst("Content-Type"));
        assertNull(put.headers().getFirst("x-amz-acl"), "archive parts are private");
    }

    @Test
    void signsThePayloadWhenConfiguredTo() {
        ObjectStore signing = new ObjectStore(new S3Settings("http://127.0.0.1:" + server.getAddress().getPort(),
                "key", "secret", "bucket", "us-east-1", S3Settings.DEFAULT_MAX_CONNECTIONS, true));
        signing.put(StoredObject.live("live/ch/source/index.m3u8", new byte[0], "application/vnd.apple.mpegurl"));

        // SHA-256 of no bytes
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                received.get(0).headers().getFirst("x-amz-content-sha256"));
    }
}
