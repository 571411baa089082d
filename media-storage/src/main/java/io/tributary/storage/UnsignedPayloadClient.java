package io.tributary.storage;

import com.google.common.collect.Multimap;
import io.minio.MinioAsyncClient;
import io.minio.credentials.Credentials;
import io.minio.errors.InsufficientDataException;
import io.minio.errors.InternalException;
import io.minio.http.Method;
import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The MinIO SDK's client, able to send a PUT's body as {@code UNSIGNED-PAYLOAD} on {@code http://} endpoints too.
 *
 * <p>Why: on plain http the SDK 8.5 signs the payload, i.e. hashes every byte with SHA-256 (a {@code byte[]} body
 * with MD5 as well, for Content-MD5; a stream or file body is first copied through its {@code PartReader}), and the
 * server hashes it again to check the signature (S3Proxy also buffers the whole body in memory to do so). The SDK
 * sends {@code UNSIGNED-PAYLOAD} only on https, and even there not for a stream or a file. On the local stack those
 * hashes and copies were about a third of the storage CPU, client and server together (bench/storage).
 *
 * <p>The unsigned-payload option is part of SigV4 (Amazon S3 API reference, "Signature Calculations for the
 * Authorization Header: Transferring Payload in a Single Chunk"): the literal {@code UNSIGNED-PAYLOAD} takes the
 * payload hash's place in the canonical request and in the {@code x-amz-content-sha256} header. AWS S3, MinIO and
 * S3Proxy accept it on http and https alike; the request (method, key, headers, date) stays signed, only the body is
 * not covered by the signature.
 *
 * <p>How: {@code S3Base.executeAsync} (which signs) carries only {@code byte[]}, XML or its own part bodies, so
 * {@link #putUnsigned} passes it an empty placeholder array and {@link #createRequest} puts the real body in its
 * place. Every other request is the SDK's own.
 */
final class UnsignedPayloadClient extends MinioAsyncClient {
    static final String CONTENT_SHA256 = "x-amz-content-sha256";
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    /** Bodies waiting for their request, by placeholder (arrays compare by identity). */
    private final Map<byte[], RequestBody> bodies = new ConcurrentHashMap<>();

    UnsignedPayloadClient(MinioAsyncClient configured) {
        super(configured);
    }

    /**
     * A PutObject, or with {@code partQuery} ({@code partNumber}, {@code uploadId}) an UploadPart, of {@code body}
     * without hashing it. The future fails with the SDK's {@code ErrorResponseException} when the server refuses; the
     * caller closes the response.
     */
    CompletableFuture<Response> putUnsigned(String bucket, String region, String key, RequestBody body,
            Multimap<String, String> headers, Multimap<String, String> partQuery) {
        headers.put(CONTENT_SHA256, UNSIGNED_PAYLOAD);
        byte[] placeholder = new byte[0];
        bodies.put(placeholder, body);
        try {
            return executeAsync(Method.PUT, bucket, key, region, httpHeaders(headers), partQuery, placeholder, 0);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        } finally {
            // executeAsync builds the request before it returns; the entry is used by then or never
            bodies.remove(placeholder);
        }
    }

    /**
     * The SDK's request, with a placeholder's body put in: the SDK built it for an empty body (hashing nothing), so
     * its empty-body Content-MD5 goes (S3 needs none on PutObject and UploadPart) and {@code x-amz-content-sha256}
     * becomes {@code UNSIGNED-PAYLOAD}, which {@code executeAsync} then signs with.
     */
    @Override
    protected Request createRequest(HttpUrl url, Method method, Headers headers, Object body, int length,
            Credentials credentials)
            throws InsufficientDataException, InternalException, IOException, NoSuchAlgorithmException {
        RequestBody unsigned = body instanceof byte[] placeholder ? bodies.get(placeholder) : null;
        Request request = super.createRequest(url, method, headers, body, length, credentials);
        if (unsigned == null) {
            return request;
        }
        return request.newBuilder()
                .removeHeader("Content-MD5")
                .header(CONTENT_SHA256, UNSIGNED_PAYLOAD)
                .method(method.toString(), unsigned)
                .build();
    }
}
