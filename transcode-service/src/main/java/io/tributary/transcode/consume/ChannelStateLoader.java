package io.tributary.transcode.consume;

import io.tributary.media.storage.ObjectKeys;
import io.tributary.transcode.manifest.hls.HlsMediaPlaylist;
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
import java.util.Map;
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
 * media playlists of the source and audio renditions are read in one round, which overlaps the storing of the
 * channel's first segments ({@link EarlySegments}): a new channel needs all three (three 404s: no rendition is listed
 * without one of those two playlists, the ladder's rungs only where the source lists the same GOP, so there is
 * nothing to recover), and a channel taken over uses the state object and the source's playlist, or the audio's when
 * there is no source playlist (an audio-only channel). Only a channel
 * without a usable state object but with one of those playlists lists {@code live/{channel}/}, to read every stored
 * media playlist (the rungs' too).
 *
 * <p>The source rendition's media playlist is read with the state object because the state object is saved every few
 * records ({@link StateSaving}), so the previous owner may have listed records after it; the last one it listed
 * ({@link PublishedThrough}) keeps the successor from storing older playlists over newer ones. An audio-only channel
 * has no source playlist: its audio playlist says the same. A playlist that cannot be read leaves the successor
 * storing everything again, as when the state was saved after every record.
 */
final class ChannelStateLoader {
    private static final Logger LOG = Logger.getLogger(ChannelStateLoader.class);

    /**
     * What a worker taking a channel over continues from.
     *
     * @param published the last record the stored source playlist lists (the audio playlist when there is no source
     *     playlist: an audio-only channel); null when there is no state object (a new channel, or one recovered from
     *     its playlists) or the playlist is missing or unreadable
     */
    record Loaded(ChannelState state, PublishedThrough published) {
    }

    private ChannelStateLoader() {
    }

    /**
     * Starts reading the channel's state: the state object and the source and audio playlists, in one round (a new
     * channel pays two GETs of missing playlists for it; a channel with video taken over one of the audio playlist,
     * which it does not use). The stage fails as the first read of the state that failed: with a state object, the
     * source playlist's included, and the audio playlist's when there is no source playlist (an audio-only channel);
     * without one, both playlists' and the listing's (a 404 or an unreadable playlist is not a failure).
     */
    static CompletableFuture<Loaded> start(String channel, ChannelObjects objects, int windowSize) {
        CompletableFuture<Optional<byte[]>> saved = objects.getAsync(OutputKeys.state(channel));
        CompletableFuture<Optional<byte[]>> source = objects.getAsync(
                OutputKeys.mediaPlaylist(channel, Renditions.SOURCE));
        CompletableFuture<Optional<byte[]>> audio = objects.getAsync(
                OutputKeys.mediaPlaylist(channel, Renditions.AUDIO));
        return saved.thenCompose(bytes -> {
            Optional<ChannelState> state = bytes.flatMap(b -> read(channel, b));
            if (state.isEmpty()) {
                return source.thenCombine(audio, (s, a) -> s.isPresent() || a.isPresent())
                        .thenCompose(stored -> stored
                                ? recover(channel, objects, windowSize, Map.of(Renditions.SOURCE, source,
                                        Renditions.AUDIO, audio))
                                : CompletableFuture.completedFuture(ChannelState.empty()))
                        .thenApply(recovered -> new Loaded(recovered, null));
            }
            // how far the previous owner got: the source playlist's last segment, or the audio's when there is no
            // source playlist (an audio-only channel) or it lists nothing (a placeholder its first manifests round did
            // not replace: ManifestWriter). A failed read of the one used fails the load like the state's own read
            // (retried): read as missing, the records after the state object would be stored again over newer playlists
            return source.thenCompose(text -> {
                Optional<HlsMediaPlaylist> read = text.flatMap(t -> readPlaylist(channel, Renditions.SOURCE, t,
                        windowSize));
                boolean placeholder = read.map(p -> p.segments().isEmpty()).orElse(false);
                if (text.isEmpty() || placeholder) {
                    return audio.thenApply(a -> publishedThrough(channel, Renditions.AUDIO, a, windowSize));
                }
                return CompletableFuture.completedFuture(read.flatMap(PublishedThrough::of).orElse(null));
            }).thenApply(published -> new Loaded(state.get(), published));
        });
    }

    private static PublishedThrough publishedThrough(String channel, String rendition, Optional<byte[]> text,
                                                     int windowSize) {
        // nothing listed, or unreadable (it must not fail the load: the channel would never start): nothing to set
        // back, the records after the state object are stored again
        return text.flatMap(t -> readPlaylist(channel, rendition, t, windowSize))
                .flatMap(PublishedThrough::of).orElse(null);
    }

    /** A stored playlist read back; empty, and logged, when it is not one this reader can read. */
    private static Optional<HlsMediaPlaylist> readPlaylist(String channel, String rendition, byte[] text,
                                                           int windowSize) {
        try {
            return Optional.of(HlsMediaPlaylistReader.read(new String(text, StandardCharsets.UTF_8), windowSize));
        } catch (IllegalArgumentException e) {
            LOG.warnf("channel %s: playlist of rendition %s unreadable (%s)", channel, rendition, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The state {@link #start} loaded, once it has.
     *
     * @throws RuntimeException the read's own failure (object storage away: the caller's step is retried)
     */
    static Loaded await(CompletableFuture<Loaded> loading) throws InterruptedException {
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
     * No usable state object, but playlists: {@code live/{channel}/{rendition}/index.m3u8} of every rendition, listed
     * and read back together (unreadable ones are left out). Playlists without a state object are a real case, not a
     * legacy one: a worker that stopped between a channel's first manifests and its first state save, or a state object
     * lost.
     *
     * @param read playlists read already, by rendition: not read again
     */
    private static CompletableFuture<ChannelState> recover(
            String channel, ChannelObjects objects, int windowSize,
            Map<String, CompletableFuture<Optional<byte[]>>> read) {
        String prefix = ObjectKeys.livePrefix(channel);
        // read once more if it fails: S3Proxy's file-system store (the local stack's S3 server) fails a listing that
        // meets an object being written (gaul/s3proxy#963), and the channel's first segments may be being written now
        // (EarlySegments)
        return objects.listAsync(prefix).exceptionallyCompose(e -> objects.listAsync(prefix))
                .thenCompose(keys -> fromPlaylists(channel, objects, windowSize, prefix, keys, read));
    }

    private static CompletableFuture<ChannelState> fromPlaylists(
            String channel, ChannelObjects objects, int windowSize, String prefix, List<String> keys,
            Map<String, CompletableFuture<Optional<byte[]>>> read) {
        List<String> renditions = new ArrayList<>();
        List<CompletableFuture<Optional<byte[]>>> texts = new ArrayList<>();
        for (String key : keys) {
            String rest = key.substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash < 0 || !rest.substring(slash + 1).equals(SegmentNames.MEDIA_PLAYLIST)
                    || !ObjectKeys.isValidRendition(rest.substring(0, slash))) {
                continue;
            }
            String rendition = rest.substring(0, slash);
            renditions.add(rendition);
            // the source's and the audio's were read with the state object already
            texts.add(read.containsKey(rendition) ? read.get(rendition) : objects.getAsync(key));
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
        return readPlaylist(channel, rendition, text, windowSize).map(p -> RenditionState.recovered(rendition, p));
    }
}
