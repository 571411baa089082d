package io.tributary.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.testsupport.s3.EmbeddedS3;
import io.tributary.testsupport.s3.SharedS3;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ObjectStoreIT {
    private EmbeddedS3 s3;
    private ObjectStore store;
    private final String run = UUID.randomUUID().toString();

    @BeforeEach
    void connect() {
        s3 = SharedS3.instance();
        store = new ObjectStore(new S3Settings(s3.endpoint(), s3.accessKey(), s3.secretKey(), SharedS3.BUCKET, "us-east-1"));
        store.ensureBucket();
    }

    @Test
    void putsAndGetsWithHeadersPlayersSee() throws Exception {
        String key = "live/ch-" + run + "/source/index.m3u8";
        store.put(StoredObject.live(key, "#EXTM3U\n".getBytes(StandardCharsets.UTF_8), "application/vnd.apple.mpegurl"));

        assertArrayEquals("#EXTM3U\n".getBytes(StandardCharsets.UTF_8), store.get(key).orElseThrow());
        HttpResponse<String> anonymous = anonymousGet(key);
        assertEquals(200, anonymous.statusCode(), "live/ is public");
        assertEquals("application/vnd.apple.mpegurl", anonymous.headers().firstValue("Content-Type").orElse(""));
        assertEquals(StoredObject.LIVE, anonymous.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void keepsArchivesPrivate() throws Exception {
        String key = "archive/ch-" + run + "/session.mp4";
        store.put(StoredObject.immutable(key, new byte[] {1, 2, 3}, "video/mp4"));
        assertTrue(store.exists(key));
        assertEquals(403, anonymousGet(key).statusCode());
    }

    @Test
    void listsAndDeletesAndTreatsMissingAsEmpty() {
        String prefix = "live/ch-" + run + "/720p/";
        store.put(StoredObject.immutable(prefix + "a-1.m4s", new byte[] {1}, "video/iso.segment"));
        store.put(StoredObject.immutable(prefix + "a-2.m4s", new byte[] {2}, "video/iso.segment"));
        assertEquals(List.of(prefix + "a-1.m4s", prefix + "a-2.m4s"), store.list(prefix));

        store.delete(prefix + "a-1.m4s");
        store.delete(prefix + "a-1.m4s");
        assertEquals(List.of(prefix + "a-2.m4s"), store.list(prefix));
        assertTrue(store.get(prefix + "a-1.m4s").isEmpty());
        assertFalse(store.exists(prefix + "a-1.m4s"));
    }

    private HttpResponse<String> anonymousGet(String key) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(s3.endpoint() + "/" + SharedS3.BUCKET + "/" + key)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
