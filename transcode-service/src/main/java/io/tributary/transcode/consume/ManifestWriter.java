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
 * fetch whatever a manifest names. The media playlists that changed, the MPD and the multivariant playlist go up
 * together, in one round after the segments they name. A media playlist listed for the first time (a new channel's,
 * a new rendition's) is named by that multivariant playlist: its {@linkplain HlsMediaPlaylist#placeholder
 * placeholder}, numbered as it will be but listing nothing, goes up in the segments' round, so the multivariant
 * playlist never names a missing object and a new channel's first playable playlist waits for two rounds instead of
 * three (issue 10: segments, media playlists, then the multivariant playlist). The multivariant playlist is rewritten
 * only when its text changes.
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
        for (RenditionState r : after.renditions()) {
            boolean changed = before.rendition(r.name()).map(b -> !b.playlist().equals(r.playlist())).orElse(true);
            if (r.listed() && changed) {
                String key = OutputKeys.mediaPlaylist(channel, r.name());
                manifests.add(OutputObjects.playlist(key, r.playlist().render()));
                if (!listedBefore.contains(r.name())) {
                    placeholders.add(OutputObjects.playlist(key, r.playlist().placeholder().render()));
                }
            }
        }
        PresentationManifests.mpd(after, now, windowSize)
                .ifPresent(text -> manifests.add(OutputObjects.mpd(ObjectKeys.dashManifest(channel), text)));
        Optional<String> multivariant = PresentationManifests.multivariant(after)
                .filter(text -> !text.equals(storedMultivariant));
        multivariant.ifPresent(text -> manifests.add(OutputObjects.playlist(ObjectKeys.masterPlaylist(channel), text)));
        return new Update(placeholders, manifests, multivariant.orElse(null));
    }

    /** Stores the manifests {@link #render} gave, in one round; the round of their segments (and placeholders) is over. */
    void store(Update update) throws InterruptedException {
        objects.putAll(update.manifests());
        if (update.multivariant() != null) {
            storedMultivariant = update.multivariant();
        }
    }

    /**
     * @param placeholders the placeholders of the media playlists listed for the first time: for the segments' round
     * @param manifests the media playlists that changed, the MPD, and the multivariant playlist if its text changed
     * @param multivariant the multivariant playlist's new text, or null when it has not changed
     */
    record Update(List<StoredObject> placeholders, List<StoredObject> manifests, String multivariant) {
    }

    private static Set<String> listed(LivePresentation p) {
        return p.renditions().stream().filter(RenditionState::listed).map(RenditionState::name)
                .collect(Collectors.toSet());
    }
}
