package io.tributary.storage;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The bucket policy that lets anyone GET objects under the public prefixes ({@code live/}, {@code thumbnails/}).
 *
 * <p>MinIO honours bucket policies and ignores object ACLs; S3Proxy honours a per-object {@code public-read} ACL and
 * answers 500 to a bucket policy. {@link ObjectStore} does both, so the same code serves players from either.
 */
final class PublicReadPolicy {
    private PublicReadPolicy() {
    }

    static String json(String bucket, List<String> publicPrefixes) {
        String resources = publicPrefixes.stream()
                .map(p -> "\"arn:aws:s3:::" + bucket + "/" + p + "*\"")
                .collect(Collectors.joining(","));
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"*\"]},"
                + "\"Action\":[\"s3:GetObject\"],\"Resource\":[" + resources + "]}]}";
    }
}
