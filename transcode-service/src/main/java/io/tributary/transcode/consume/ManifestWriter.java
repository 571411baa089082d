package io.tributary.transcode.consume;

import io.tributary.media.storage.ObjectKeys;
import io.tributary.storage.StoredObject;
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
 * Stores a channel's manifests after a change of its presentation: the media playlists that changed and the MPD
 * together (they name segments and init segments, stored before), and the multivariant playlist with them, unless it
 * lists a media playlist for the first time: then after them, so a player never follows a name that is not there yet.
 * The multivariant playlist is rewritten only when its text changes.
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
        List<StoredObject> first = new ArrayList<>();
        for (RenditionState r : after.renditions()) {
            boolean changed = before.rendition(r.name()).map(b -> !b.playlist().equals(r.playlist())).orElse(true);
            if (r.listed() && changed) {
                first.add(OutputObjects.playlist(OutputKeys.mediaPlaylist(channel, r.name()), r.playlist().render()));
            }
        }
        PresentationManifests.mpd(after, now, windowSize)
                .ifPresent(text -> first.add(OutputObjects.mpd(ObjectKeys.dashManifest(channel), text)));
        Optional<String> multivariant = PresentationManifests.multivariant(after)
                .filter(text -> !text.equals(storedMultivariant));
        boolean newPlaylist = !listed(before).containsAll(listed(after));
        multivariant.filter(text -> !newPlaylist)
                .ifPresent(text -> first.add(OutputObjects.playlist(ObjectKeys.masterPlaylist(channel), text)));
        return new Update(first, multivariant.orElse(null), newPlaylist);
    }

    /**
     * Stores what {@link #render} gave, in its order; {@code betweenRounds} runs between the two rounds (and may
     * throw to stop: the channel left this worker).
     */
    void store(Update update, Runnable betweenRounds) throws InterruptedException {
        objects.putAll(update.first());
        if (update.multivariant() != null && update.multivariantAfter()) {
            betweenRounds.run();
            objects.putAll(List.of(OutputObjects.playlist(ObjectKeys.masterPlaylist(channel), update.multivariant())));
        }
        if (update.multivariant() != null) {
            storedMultivariant = update.multivariant();
        }
    }

    /**
     * @param first the media playlists and the MPD (and the multivariant playlist unless it comes after)
     * @param multivariant the multivariant playlist's new text, or null when it has not changed
     * @param multivariantAfter it lists a media playlist for the first time: store it after {@code first}
     */
    record Update(List<StoredObject> first, String multivariant, boolean multivariantAfter) {
    }

    private static Set<String> listed(LivePresentation p) {
        return p.renditions().stream().filter(RenditionState::listed).map(RenditionState::name)
                .collect(Collectors.toSet());
    }
}
