package io.tributary.auth.api;

import io.tributary.auth.live.LiveDirectory;
import io.tributary.auth.live.LiveSession;
import io.tributary.media.event.AudioInfo;
import io.tributary.media.event.StreamStarted;
import io.tributary.media.event.VideoInfo;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The status page's view of what is on air: public and read-only, outside {@code /v1} (so no admin token), and
 * limited to what a viewer can see anyway (the playback and thumbnail URLs are anonymous reads of the bucket). No
 * stream keys, key ids, ingest nodes or RTMP applications.
 */
@Path("/status/live")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "status")
public class StatusLiveResource {
    private final LiveDirectory live;
    private final Clock clock;

    @Inject
    public StatusLiveResource(LiveDirectory live, Clock clock) {
        this.live = live;
        this.clock = clock;
    }

    /**
     * A live channel as the public sees it.
     *
     * @param thumbnail the channel's latest thumbnail, next to the playback URLs; null when the HLS URL does not have
     *                  the {@code .../live/<channel>/...} shape to derive it from
     */
    public record Channel(String channel, String sessionId, Instant since, VideoInfo video, AudioInfo audio,
                          String hls, String dash, String thumbnail) {
        static Channel of(LiveSession s) {
            StreamStarted e = s.started();
            String hls = e.playbackUrls().get(StreamStarted.HLS);
            return new Channel(s.channel(), s.sessionId(), s.since(), e.video(), e.audio(), hls,
                    e.playbackUrls().get(StreamStarted.DASH), thumbnailUrl(hls, s.channel()));
        }
    }

    /** {@code GET /status/live}. */
    public record Listing(List<Channel> channels) {
    }

    @GET
    @Operation(summary = "Live channels, public", description = "What the status page shows; no admin token.")
    public Response list() {
        Listing listing = new Listing(live.sessions(clock.instant()).stream().map(Channel::of).toList());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(listing).cacheControl(noStore).build();
    }

    /**
     * {@code {playbackBase}/thumbnails/{channel}/latest.jpg}, the base being what precedes {@code /live/{channel}/}
     * in the HLS URL (thumbnail-service writes beside transcode-service, see docs/architecture.md, object layout).
     */
    static String thumbnailUrl(String hlsUrl, String channel) {
        if (hlsUrl == null) {
            return null;
        }
        int at = hlsUrl.lastIndexOf("/live/" + channel + "/");
        return at < 0 ? null : hlsUrl.substring(0, at) + "/thumbnails/" + channel + "/latest.jpg";
    }
}
