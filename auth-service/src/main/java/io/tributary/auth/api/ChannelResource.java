package io.tributary.auth.api;

import io.tributary.auth.channel.Channel;
import io.tributary.auth.live.LiveDirectory;
import io.tributary.auth.state.KeyRegistry;
import io.tributary.auth.state.KeyStore;
import io.tributary.auth.state.RegistryException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Channels: create, list, get, delete. */
@Path("/v1/channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "channels")
public class ChannelResource {
    private final KeyRegistry registry;
    private final KeyStore store;
    private final LiveDirectory live;
    private final Clock clock;

    @Inject
    public ChannelResource(KeyRegistry registry, KeyStore store, LiveDirectory live, Clock clock) {
        this.registry = registry;
        this.store = store;
        this.live = live;
        this.clock = clock;
    }

    @POST
    @Operation(summary = "Create a channel", description = "name: 1-64 characters of a-z, 0-9, '-', '_'. 409 if it exists.")
    public Response create(ChannelView.Create body) {
        if (body == null || body.name() == null) {
            throw ApiException.invalid("name is required");
        }
        Channel channel = registry.createChannel(body.name());
        return Response.status(201).entity(view(channel)).build();
    }

    @GET
    @Operation(summary = "List channels")
    public ChannelView.Listing list() {
        return new ChannelView.Listing(store.channels().stream().map(this::view).toList());
    }

    @GET
    @Path("/{channel}")
    @Operation(summary = "Get a channel")
    public ChannelView get(@PathParam("channel") String name) {
        return store.channel(name).map(this::view)
                .orElseThrow(() -> new RegistryException(RegistryException.Kind.NOT_FOUND, "no such channel"));
    }

    @DELETE
    @Path("/{channel}")
    @Operation(summary = "Delete a channel and all its keys",
            description = "A live session on it is ended (stream-key-revoked).")
    public Response delete(@PathParam("channel") String name) {
        registry.deleteChannel(name);
        return Response.noContent().build();
    }

    private ChannelView view(Channel channel) {
        return new ChannelView(channel.name(), channel.createdAt(), store.keysOf(channel.name()).size(),
                live.session(channel.name(), clock.instant()).isPresent());
    }
}
