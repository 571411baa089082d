package io.tributary.auth.api;

import io.tributary.auth.archive.ArchiveLink;
import io.tributary.auth.archive.ArchiveLinkSigner;
import io.tributary.auth.archive.RecentArchives;
import io.tributary.media.event.ArchiveReady;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The newest archives with download links. Under {@code /v1}, so it needs the admin token: a presigned link opens a
 * private object to whoever holds it, so only an operator gets them (the status page asks for the token).
 */
@Path("/v1/archives")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "archives")
public class ArchiveResource {
    private final RecentArchives archives;
    private final ArchiveLinkSigner signer;

    @Inject
    public ArchiveResource(RecentArchives archives, ArchiveLinkSigner signer) {
        this.archives = archives;
        this.signer = signer;
    }

    /**
     * One archive.
     *
     * @param url          a presigned GET URL of the MP4
     * @param urlExpiresAt when the URL stops working
     */
    public record ArchiveView(String channel, String sessionId, String key, long bytes, long durationMillis,
                              Instant readyAt, URI url, Instant urlExpiresAt) {
        static ArchiveView of(ArchiveReady a, ArchiveLink link) {
            return new ArchiveView(a.channel(), a.sessionId(), a.key(), a.bytes(), a.durationMillis(), a.readyAt(),
                    link.url(), link.expiresAt());
        }
    }

    /** {@code GET /v1/archives}. */
    public record Listing(List<ArchiveView> archives) {
    }

    @GET
    @Operation(summary = "The newest archives, newest first, with short-lived download links",
            description = "From archive-ready; at most tributary.auth.status.recent-archives. Each call signs fresh "
                    + "links valid for tributary.auth.status.archive-link-expiry.")
    public Response list() {
        Listing listing = new Listing(archives.newest().stream()
                .map(a -> ArchiveView.of(a, signer.sign(a.key()))).toList());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(listing).cacheControl(noStore).build();
    }
}
