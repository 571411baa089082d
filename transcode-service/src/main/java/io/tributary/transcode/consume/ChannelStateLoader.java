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
import org.jboss.logging.Logger;

/**
 * Rebuilds a channel's state when a worker is given the channel (at start-up, after a crash of its previous owner,
 * after a rebalance): from the state object the previous owner saved, or, if that is missing or unreadable, from the
 * media playlists in storage, whose numbering the next session then continues ({@link ChannelState#recovered}).
 */
final class ChannelStateLoader {
    private static final Logger LOG = Logger.getLogger(ChannelStateLoader.class);

    private ChannelStateLoader() {
    }

    static ChannelState load(String channel, ChannelObjects objects, int windowSize) {
        Optional<byte[]> saved = objects.get(OutputKeys.state(channel));
        if (saved.isPresent()) {
            try {
                ChannelState state = StateJson.read(saved.get(), ChannelState.class);
                LOG.debugf("channel %s: continuing session %s after seq %d", channel, state.sessionId(),
                        state.lastSequence());
                return state;
            } catch (IllegalArgumentException e) {
                LOG.warnf("channel %s: state object unreadable (%s); recovering from the playlists", channel,
                        e.getMessage());
            }
        }
        List<RenditionState> playlists = storedPlaylists(channel, objects, windowSize);
        if (playlists.isEmpty()) {
            return ChannelState.empty();
        }
        LOG.infof("channel %s: no state object; the next session continues the numbering of %d stored playlist(s)",
                channel, playlists.size());
        return ChannelState.recovered(LivePresentation.recovered(playlists));
    }

    /** {@code live/{channel}/{rendition}/index.m3u8} of every rendition, read back; unreadable ones are left out. */
    private static List<RenditionState> storedPlaylists(String channel, ChannelObjects objects, int windowSize) {
        String prefix = ObjectKeys.livePrefix(channel);
        List<RenditionState> playlists = new ArrayList<>();
        for (String key : objects.list(prefix)) {
            String rest = key.substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash < 0 || !rest.substring(slash + 1).equals(SegmentNames.MEDIA_PLAYLIST)) {
                continue;
            }
            String rendition = rest.substring(0, slash);
            Optional<byte[]> text = objects.get(key);
            if (!ObjectKeys.isValidRendition(rendition) || text.isEmpty()) {
                continue;
            }
            try {
                playlists.add(RenditionState.recovered(rendition,
                        HlsMediaPlaylistReader.read(new String(text.get(), StandardCharsets.UTF_8), windowSize)));
            } catch (IllegalArgumentException e) {
                LOG.warnf("channel %s: playlist %s unreadable (%s); left out", channel, key, e.getMessage());
            }
        }
        return playlists;
    }
}
