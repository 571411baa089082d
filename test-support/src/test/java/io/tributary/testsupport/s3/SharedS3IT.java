package io.tributary.testsupport.s3;

import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import io.tributary.testsupport.S3Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(S3Extension.class)
class SharedS3IT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void putsGetsListsAndDeletesWithContentTypeAndCacheControl(EmbeddedS3 s3) throws Exception {
        MinioClient client = s3.client();
        byte[] playlist = "#EXTM3U\n#EXT-X-VERSION:7\n".getBytes(StandardCharsets.UTF_8);
        put(client, "crud/alice/index.m3u8", playlist, "application/vnd.apple.mpegurl", "max-age=1", Map.of());
        put(client, "crud/alice/init.mp4", new byte[] {0, 0, 0, 8, 'f', 't', 'y', 'p'}, "video/mp4", "max-age=31536000, immutable", Map.of());

        StatObjectResponse stat = client.statObject(StatObjectArgs.builder().bucket(SharedS3.BUCKET).object("crud/alice/index.m3u8").build());
        assertEquals("application/vnd.apple.mpegurl", stat.contentType());
        assertEquals("max-age=1", stat.headers().get("Cache-Control"));
        try (GetObjectResponse got = client.getObject(GetObjectArgs.builder().bucket(SharedS3.BUCKET).object("crud/alice/index.m3u8").build())) {
            assertArrayEquals(playlist, got.readAllBytes());
            assertEquals("max-age=1", got.headers().get("Cache-Control"));
        }
        assertEquals(List.of("crud/alice/index.m3u8", "crud/alice/init.mp4"), list(client, "crud/"));

        client.removeObject(RemoveObjectArgs.builder().bucket(SharedS3.BUCKET).object("crud/alice/index.m3u8").build());
        assertEquals(List.of("crud/alice/init.mp4"), list(client, "crud/"));
        ErrorResponseException gone = assertThrows(ErrorResponseException.class,
                () -> client.statObject(StatObjectArgs.builder().bucket(SharedS3.BUCKET).object("crud/alice/index.m3u8").build()));
        assertEquals("NoSuchKey", gone.errorResponse().code());
    }

    @Test
    void servesAnonymousReadsOnlyOfPublicReadObjects(EmbeddedS3 s3) throws Exception {
        put(s3.client(), "acl/private.txt", bytes("secret"), "text/plain", "no-store", Map.of());
        put(s3.client(), "acl/public.jpg", bytes("jpeg"), "image/jpeg", "max-age=60", Map.of("x-amz-acl", "public-read"));

        HttpResponse<byte[]> denied = anonymousGet(s3, "acl/private.txt");
        assertEquals(403, denied.statusCode());
        HttpResponse<byte[]> allowed = anonymousGet(s3, "acl/public.jpg");
        assertEquals(200, allowed.statusCode());
        assertArrayEquals(bytes("jpeg"), allowed.body());
        assertEquals("image/jpeg", allowed.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void answersACorsPreflightForBrowserPlayers(EmbeddedS3 s3) throws Exception {
        HttpResponse<Void> preflight = HTTP.send(HttpRequest.newBuilder(
                        URI.create(s3.endpoint() + "/" + SharedS3.BUCKET + "/live/alice/master.m3u8"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://player.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "range")
                .build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, preflight.statusCode());
        assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        String methods = preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("");
        assertTrue(methods.contains("GET") && methods.contains("HEAD"), methods);
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase().contains("range"));
        assertTrue(preflight.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains("Content-Range"));
    }

    @Test
    void isOneServerPerJvmWithTheBucketMade(EmbeddedS3 s3) {
        assertSame(s3, SharedS3.instance());
        s3.createBucket(SharedS3.BUCKET);  // again: nothing happens
        assertTrue(s3.endpoint().startsWith("http://127.0.0.1:"), s3.endpoint());
    }

    private static void put(MinioClient client, String key, byte[] body, String contentType, String cacheControl,
                            Map<String, String> extraHeaders) throws Exception {
        client.putObject(PutObjectArgs.builder().bucket(SharedS3.BUCKET).object(key)
                .stream(new ByteArrayInputStream(body), body.length, -1)
                .contentType(contentType)
                .headers(Map.of("Cache-Control", cacheControl))
                .extraHeaders(extraHeaders)
                .build());
    }

    private static List<String> list(MinioClient client, String prefix) throws Exception {
        List<String> keys = new ArrayList<>();
        for (Result<Item> item : client.listObjects(ListObjectsArgs.builder().bucket(SharedS3.BUCKET).prefix(prefix).recursive(true).build())) {
            keys.add(item.get().objectName());
        }
        return keys;
    }

    private static HttpResponse<byte[]> anonymousGet(EmbeddedS3 s3, String key) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(s3.endpoint() + "/" + SharedS3.BUCKET + "/" + key)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
