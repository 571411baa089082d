package io.tributary.transcode.testing;

import io.tributary.testsupport.s3.SharedS3;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** What a player sees: anonymous HTTP requests to the S3 server, without credentials. */
public final class PublicHttp {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private PublicHttp() {
    }

    /** {@code http://127.0.0.1:<port>/tributary/<key>}: the URL a player (or a CDN origin pull) fetches. */
    public static String url(String key) {
        return SharedS3.instance().endpoint() + "/" + SharedS3.BUCKET + "/" + key;
    }

    public static HttpResponse<byte[]> get(String key) {
        return send(HttpRequest.newBuilder(URI.create(url(key))).timeout(Duration.ofSeconds(30)).GET().build());
    }

    /** A GET from a browser page on another origin: what CORS answers to. */
    public static HttpResponse<byte[]> getFromOrigin(String key, String origin) {
        return send(HttpRequest.newBuilder(URI.create(url(key))).timeout(Duration.ofSeconds(30))
                .header("Origin", origin).GET().build());
    }

    public static int status(String key) {
        return get(key).statusCode();
    }

    /** The object's text, or null when it cannot be fetched anonymously. */
    public static String text(String key) {
        HttpResponse<byte[]> r = get(key);
        return r.statusCode() == 200 ? new String(r.body(), StandardCharsets.UTF_8) : null;
    }

    private static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
