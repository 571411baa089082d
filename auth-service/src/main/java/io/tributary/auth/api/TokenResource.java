package io.tributary.auth.api;

import io.tributary.auth.channel.ChannelName;
import io.tributary.auth.config.AuthConfig;
import io.tributary.auth.state.KeyStore;
import io.tributary.auth.state.RegistryException;
import io.tributary.auth.token.PublishToken;
import io.tributary.auth.token.PublishTokenSigner;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Mints signed publish tokens (format in {@link PublishToken}). A platform holding the token secret can do the same
 * without calling this endpoint.
 */
@Path("/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "tokens")
public class TokenResource {
    /** Default lifetime of a minted token: an hour to start a scheduled stream. */
    static final long DEFAULT_TTL_SECONDS = 3600;

    private final PublishTokenSigner signer;
    private final KeyStore store;
    private final Clock clock;
    private final long maxTtlSeconds;

    @Inject
    public TokenResource(PublishTokenSigner signer, KeyStore store, Clock clock, AuthConfig config) {
        this.signer = signer;
        this.store = store;
        this.clock = clock;
        this.maxTtlSeconds = config.maxTokenTtl().toSeconds();
    }

    /**
     * @param channel    an existing channel
     * @param ttlSeconds lifetime, 1 to {@code tributary.auth.max-token-ttl} (default 3600)
     */
    public record MintRequest(String channel, Long ttlSeconds) {
    }

    /**
     * @param token     the token, to pass as {@code ?token=} on the publish URL
     * @param channel   the channel it publishes to
     * @param expiresAt when it stops working
     */
    public record MintedToken(String token, String channel, Instant expiresAt) {
    }

    @POST
    @Operation(summary = "Mint a signed, expiring publish token for a channel")
    public Response mint(MintRequest body) {
        if (body == null || body.channel() == null) {
            throw ApiException.invalid("channel is required");
        }
        if (!ChannelName.isValid(body.channel())) {
            throw ApiException.invalid("channel must be 1-64 characters of a-z, 0-9, '-' or '_'");
        }
        long ttl = body.ttlSeconds() == null ? Math.min(DEFAULT_TTL_SECONDS, maxTtlSeconds) : body.ttlSeconds();
        if (ttl < 1 || ttl > maxTtlSeconds) {
            throw ApiException.invalid("ttlSeconds must be between 1 and " + maxTtlSeconds);
        }
        if (store.channel(body.channel()).isEmpty()) {
            throw new RegistryException(RegistryException.Kind.NOT_FOUND, "no such channel");
        }
        Instant expiresAt = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(ttl);
        PublishToken token = new PublishToken(body.channel(), expiresAt);
        return Response.status(201).entity(new MintedToken(signer.sign(token), token.channel(), expiresAt)).build();
    }
}
