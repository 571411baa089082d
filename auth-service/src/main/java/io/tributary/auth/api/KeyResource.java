package io.tributary.auth.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.auth.key.KeySettings;
import io.tributary.auth.key.StreamKeyRecord;
import io.tributary.auth.state.KeyRegistry;
import io.tributary.auth.state.KeyStore;
import io.tributary.auth.state.RegistryException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Stream keys of a channel: create (the secret is returned once), list, get, update, rotate, revoke, delete. */
@Path("/v1/channels/{channel}/keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "keys")
public class KeyResource {
    private final KeyRegistry registry;
    private final KeyStore store;
    private final Clock clock;

    @Inject
    public KeyResource(KeyRegistry registry, KeyStore store, Clock clock) {
        this.registry = registry;
        this.store = store;
        this.clock = clock;
    }

    @POST
    @Operation(summary = "Create a key", description = "The response is the only one that ever contains the key.")
    public Response create(@PathParam("channel") String channel, KeyRequests.Create body) {
        KeySettings settings = body == null ? KeySettings.none() : body.toSettings(clock.instant());
        KeyRegistry.CreatedKey created = registry.createKey(channel, settings);
        return Response.status(201).entity(CreatedKeyView.of(created.key(), created.record(), null)).build();
    }

    @GET
    @Operation(summary = "List the channel's keys", description = "Metadata only, never the key.")
    public KeyView.Listing list(@PathParam("channel") String channel) {
        requireChannel(channel);
        return new KeyView.Listing(store.keysOf(channel).stream().map(this::view).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a key's metadata")
    public KeyView get(@PathParam("channel") String channel, @PathParam("id") String id) {
        return view(find(channel, id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change a key's label, expiry, allowed CIDRs or bitrate limit",
            description = "JSON Merge Patch (RFC 7396): absent fields stay, null clears.")
    public KeyView update(@PathParam("channel") String channel, @PathParam("id") String id, JsonNode patch) {
        StreamKeyRecord current = find(channel, id);
        KeySettings settings = KeyPatch.apply(patch, KeySettings.of(current), clock.instant());
        return view(registry.updateKey(channel, id, settings));
    }

    @POST
    @Path("/{id}/rotate")
    @Operation(summary = "Replace a key by a new one with the same settings",
            description = "graceSeconds (default 0) keeps the old key working that long; 0 revokes it at once.")
    public Response rotate(@PathParam("channel") String channel, @PathParam("id") String id,
                           KeyRequests.Rotate body) {
        long grace = body == null ? 0 : body.grace();
        KeyRegistry.CreatedKey created = registry.rotateKey(channel, id, Duration.ofSeconds(grace));
        return Response.status(201).entity(CreatedKeyView.of(created.key(), created.record(), id)).build();
    }

    @POST
    @Path("/{id}/revoke")
    @Operation(summary = "Revoke a key", description = "Idempotent. A live session running on it is ended.")
    public KeyView revoke(@PathParam("channel") String channel, @PathParam("id") String id) {
        return view(registry.revokeKey(channel, id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a key", description = "A live session running on it is ended.")
    public Response delete(@PathParam("channel") String channel, @PathParam("id") String id) {
        registry.deleteKey(channel, id);
        return Response.noContent().build();
    }

    private StreamKeyRecord find(String channel, String id) {
        requireChannel(channel);
        return store.key(channel, id).orElseThrow(() -> new RegistryException(RegistryException.Kind.NOT_FOUND,
                "no such key on this channel"));
    }

    private void requireChannel(String channel) {
        if (store.channel(channel).isEmpty()) {
            throw new RegistryException(RegistryException.Kind.NOT_FOUND, "no such channel");
        }
    }

    private KeyView view(StreamKeyRecord record) {
        return KeyView.of(record, store.usage(record.hash()).orElse(null), clock.instant());
    }
}
