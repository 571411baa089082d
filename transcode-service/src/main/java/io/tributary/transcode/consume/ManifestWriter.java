package io.tributary.transcode.consume;

import io.tributary.media.storage.ObjectKeys;
import io.tributary.storage.StoredObject;
import io.tributary.transcode.manifest.hls.HlsMediaPlaylist;
import io.tributary.transcode.manifest.live.LivePresentation;
import io.tributary.transcode.manifest.live.PresentationManifests;
import io.tributary.transcode.manifest.live.RenditionState;
import io.tributary.transcode.store.ChannelObjects;
import io.tributary.transcode.store.OutputKeys;
import io.tributary.transcode.store.OutputObjects;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders and stores a channel's manifests after a change of its presentation, in the order that lets a player
 * fetch whatever a manifest names: the media playlists that changed, the MPD and the multivariant playlist go up
 * together, in one round after the segments they name, unless the multivariant playlist names a media playlist for
 * the first time. The multivariant playlist is rewritten only when its text changes.
 *
 * <p>A channel's first listing (nothing listed before: a new channel, its first record) is what a viewer waits for
 * (issue 10: first playable within a GOP + 50 ms of the publish), so its media playlists go up first as
 * {@linkplain HlsMediaPlaylist#placeholder placeholders}, numbered as they will be but listing nothing, in the
 * segments' round; the multivariant playlist then never names a missing object, and the first playable playlist waits
 * for two rounds instead of three. Only then: no stored manifest names those playlists yet, so a placeholder never
 * replaces a playlist a player can reach. A rendition that joins listed ones (a rung, a track that starts late) is
 * rare and may have a reachable playlist already (a worker that took the channel over from a state saved before that
 * rendition's first listing): its playlist goes up with the MPD, and the multivariant playlist after them.
 */
final class ManifestWriter {
    private final String channel;
    private final ChannelObjects objects;
    private final int windowSize;
    /** The multivariant playlist as last stored by this packager; null: unknown, store it. */
    private String storedMultivariant;

    ManifestWriter(String channel, ChannelObjects objects, int windowSize) {
        this.channel = channel;
        this.objects = objects;
        this.windowSize = windowSize;
    }

    /** The manifests to store, rendered (pure: nothing is stored yet). */
    Update render(LivePresentation before, LivePresentation after, Instant now) {
        List<StoredObject> placeholders = new ArrayList<>();
        List<StoredObject> manifests = new ArrayList<>();
        Set<String> listedBefore = listed(before);
        boolean firstListing = listedBefore.isEmpty();
        for (RenditionState r : after.renditions()) {
            boolean changed = before.rendition(r.name()).map(b -> !b.playlist().equals(r.playlist())).orElse(true);
            if (r.listed() && changed) {
                String key = OutputKeys.mediaPlaylist(channel, r.name());
                manifests.add(OutputObjects.playlist(key, r.playlist().render()));
                if (firstListing) {
                    placeholders.add(OutputObjects.playlist(key, r.playlist().placeholder().render()));
                }
            }
        }
        PresentationManifests.mpd(after, now, windowSize)
                .ifPresent(text -> manifests.add(OutputObjects.mpd(ObjectKeys.dashManifest(channel), text)));
        Optional<String> multivariant = PresentationManifests.multivariant(after)
                .filter(text -> !text.equals(storedMultivariant));
        boolean joined = !firstListing && !listedBefore.containsAll(listed(after));
        multivariant.filter(text -> !joined)
                .ifPresent(text -> manifests.add(OutputObjects.playlist(ObjectKeys.masterPlaylist(channel), text)));
        return new Update(placeholders, manifests, multivariant.orElse(null), joined);
    }

    /**
     * Stores the manifests {@link #render} gave, once the round of their segments (and placeholders) is over: one
     * round, or two when a rendition joined; {@code betweenRounds} runs between the two (and may throw to stop: the
     * channel left this worker).
     */
    void store(Update update, Runnable betweenRounds) throws InterruptedException {
        objects.putAll(update.manifests());
        if (update.multivariant() != null && update.multivariantAfter()) {
            betweenRounds.run();
            objects.putAll(List.of(OutputObjects.playlist(ObjectKeys.masterPlaylist(channel), update.multivariant())));
        }
        if (update.multivariant() != null) {
            storedMultivariant = update.multivariant();
        }
    }

    /**
     * @param placeholders the placeholders of a first listing's media playlists: for the segments' round
     * @param manifests the media playlists that changed and the MPD, with the multivariant playlist if its text
     *     changed and it does not come after them
     * @param multivariant the multivariant playlist's new text, or null when it has not changed
     * @param multivariantAfter a rendition joined listed ones: the multivariant playlist goes up after the others
     */
    record Update(List<StoredObject> placeholders, List<StoredObject> manifests, String multivariant,
                  boolean multivariantAfter) {
    }

    private static Set<String> listed(LivePresentation p) {
        return p.renditions().stream().filter(RenditionState::listed).map(RenditionState::name)
                .collect(Collectors.toSet());
    }
}
