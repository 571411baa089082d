package io.tributary.transcode.consume;

import io.tributary.media.storage.ObjectKeys;
import io.tributary.transcode.manifest.hls.HlsMediaPlaylistReader;
import io.tributary.transcode.manifest.live.LivePresentation;
import io.tributary.transcode.manifest.live.RenditionState;
import io.tributary.transcode.manifest.live.SegmentNames;
import io.tributary.transcode.store.ChannelObjects;
import io.tributary.transcode.store.OutputKeys;
import io.tributary.transcode.store.StateJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jboss.logging.Logger;

/**
 * Rebuilds a channel's state when a worker is given the channel (at start-up, after a crash of its previous owner,
 * after a rebalance, or a new channel): from the state object the previous owner saved, or, if that is missing or
 * unreadable, from the media playlists in storage, whose numbering the next session then continues
 * ({@link ChannelState#recovered}).
 *
 * <p>Asynchronous, on the read pool of {@link ChannelObjects}, so that the load runs while the channel's first record
 * waits for its lane and is read: a new channel's first playlist waits for it (issue 10). The state object and the
 * listing of {@code live/{channel}/} are read in one round: a new channel needs both (a 404, then an empty listing),
 * and a channel taken over pays one listing it does not use. That round overlaps the storing of the channel's first
 * segments ({@link EarlySegments}).
 */
final class ChannelStateLoader {
    private static final Logger LOG = Logger.getLogger(ChannelStateLoader.class);

    private ChannelStateLoader() {
    }

    /** Starts reading the channel's state; the stage fails as the first read that failed. */
    static CompletableFuture<ChannelState> start(String channel, ChannelObjects objects, int windowSize) {
        String prefix = ObjectKeys.livePrefix(channel);
        CompletableFuture<Optional<byte[]>> saved = objects.getAsync(OutputKeys.state(channel));
        // read once more if it fails: S3Proxy's file-system store (the local stack's S3 server) fails a listing that
        // meets an object being written (gaul/s3proxy#963), and a new channel's first segments are being written now
        // (EarlySegments)
        CompletableFuture<List<String>> keys = objects.listAsync(prefix)
                .exceptionallyCompose(e -> objects.listAsync(prefix));
        return saved.thenCompose(bytes -> {
            Optional<ChannelState> state = bytes.flatMap(b -> read(channel, b));
            return state.isPresent() ? CompletableFuture.completedFuture(state.get())
                    : keys.thenCompose(k -> fromPlaylists(channel, objects, windowSize, prefix, k));
        });
    }

    /**
     * The state {@link #start} loaded, once it has.
     *
     * @throws RuntimeException the read's own failure (object storage away: the caller's step is retried)
     */
    static ChannelState await(CompletableFuture<ChannelState> loading) throws InterruptedException {
        try {
            return loading.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("channel state not loaded", e.getCause());
        }
    }

    private static Optional<ChannelState> read(String channel, byte[] saved) {
        try {
            ChannelState state = StateJson.read(saved, ChannelState.class);
            LOG.debugf("channel %s: continuing session %s after seq %d", channel, state.sessionId(),
                    state.lastSequence());
            return Optional.of(state);
        } catch (IllegalArgumentException e) {
            LOG.warnf("channel %s: state object unreadable (%s); recovering from the playlists", channel,
                    e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * No usable state object: {@code live/{channel}/{rendition}/index.m3u8} of every rendition, read back together
     * (unreadable ones are left out). Playlists without a state object are a real case, not a legacy one: a worker
     * that stopped between a channel's first manifests and its first state save, or a state object lost.
     */
    private static CompletableFuture<ChannelState> fromPlaylists(String channel, ChannelObjects objects,
                                                                 int windowSize, String prefix, List<String> keys) {
        List<String> renditions = new ArrayList<>();
        List<CompletableFuture<Optional<byte[]>>> texts = new ArrayList<>();
        for (String key : keys) {
            String rest = key.substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash < 0 || !rest.substring(slash + 1).equals(SegmentNames.MEDIA_PLAYLIST)
                    || !ObjectKeys.isValidRendition(rest.substring(0, slash))) {
                continue;
            }
            renditions.add(rest.substring(0, slash));
            texts.add(objects.getAsync(key));
        }
        if (texts.isEmpty()) {
            return CompletableFuture.completedFuture(ChannelState.empty());
        }
        return CompletableFuture.allOf(texts.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<RenditionState> playlists = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                String rendition = renditions.get(i);
                texts.get(i).join().flatMap(text -> playlist(channel, rendition, text, windowSize))
                        .ifPresent(playlists::add);
            }
            if (playlists.isEmpty()) {
                return ChannelState.empty();
            }
            LOG.infof("channel %s: no state object; the next session continues the numbering of %d stored"
                    + " playlist(s)", channel, playlists.size());
            return ChannelState.recovered(LivePresentation.recovered(playlists));
        });
    }

    private static Optional<RenditionState> playlist(String channel, String rendition, byte[] text, int windowSize) {
        try {
            return Optional.of(RenditionState.recovered(rendition,
                    HlsMediaPlaylistReader.read(new String(text, StandardCharsets.UTF_8), windowSize)));
        } catch (IllegalArgumentException e) {
            LOG.warnf("channel %s: playlist of rendition %s unreadable (%s); left out", channel, rendition,
                    e.getMessage());
            return Optional.empty();
        }
    }
}
