package io.tributary.auth.archive;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A time-limited GET URL of a private archive object.
 *
 * @param url       the presigned URL (AWS Signature Version 4, query-string authentication)
 * @param expiresAt after this the object store refuses it
 */
public record ArchiveLink(URI url, Instant expiresAt) {
    public ArchiveLink {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
