package io.tributary.auth.api;

import io.tributary.auth.live.LiveDirectory;
import io.tributary.auth.live.LiveSession;
import io.tributary.auth.state.KeyRegistry;
import io.tributary.auth.state.RegistryException;
import io.tributary.media.event.AudioInfo;
import io.tributary.media.event.StreamStarted;
import io.tributary.media.event.VideoInfo;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The live directory: sessions on air, from {@code stream-started} / {@code stream-stopped}. */
@Path("/v1/live")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "live")
public class LiveResource {
    private final LiveDirectory live;
    private final KeyRegistry registry;
    private final Clock clock;

    @Inject
    public LiveResource(LiveDirectory live, KeyRegistry registry, Clock clock) {
        this.live = live;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * One live session.
     *
     * @param channel      the channel
     * @param sessionId    the session
     * @param since        when it started
     * @param app          the RTMP application it was published to
     * @param ingestNode   the ingest instance holding the publisher
     * @param video        codec, size, frame rate; null for audio-only
     * @param audio        codec, sample rate, channels; null for video-only
     * @param playbackUrls by protocol ({@code hls}, {@code dash})
     */
    public record SessionView(String channel, String sessionId, Instant since, String app, String ingestNode,
                              VideoInfo video, AudioInfo audio, Map<String, String> playbackUrls) {
        static SessionView of(LiveSession s) {
            StreamStarted e = s.started();
            return new SessionView(s.channel(), s.sessionId(), s.since(), e.app(), e.ingestNode(), e.video(),
                    e.audio(), e.playbackUrls());
        }
    }

    /** {@code GET /v1/live}. */
    public record Listing(List<SessionView> sessions) {
    }

    @GET
    @Operation(summary = "List live sessions")
    public Listing list() {
        return new Listing(live.sessions(clock.instant()).stream().map(SessionView::of).toList());
    }

    @GET
    @Path("/{channel}")
    @Operation(summary = "The channel's live session", description = "404 when the channel is not live.")
    public SessionView get(@PathParam("channel") String channel) {
        return live.session(channel, clock.instant()).map(SessionView::of)
                .orElseThrow(() -> new RegistryException(RegistryException.Kind.NOT_FOUND, "the channel is not live"));
    }

    @DELETE
    @Path("/{channel}")
    @Operation(summary = "Declare the channel's live session over",
            description = "For a session whose ingest died without stream-stopped, which would otherwise keep the "
                    + "channel 'live' (and refuse its publishes) until tributary.auth.live.session-max-age. Stops "
                    + "nothing that is still running; 404 when the channel is not live.")
    public Response clear(@PathParam("channel") String channel) {
        registry.clearLiveSession(channel);
        return Response.noContent().build();
    }
}
