package io.tributary.transcode.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.storage.ObjectStorageException;
import io.tributary.storage.StoredObject;
import io.tributary.transcode.manifest.hls.HlsMediaPlaylist;
import io.tributary.transcode.manifest.hls.HlsMediaPlaylistReader;
import io.tributary.transcode.manifest.live.Boundary;
import io.tributary.transcode.manifest.live.Gops;
import io.tributary.transcode.manifest.live.LivePresentation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: a new channel's first manifests in one round after its segments' round (its playlists' placeholders in
 * that one), the multivariant playlist never naming a missing object; a rendition joining listed ones the old way.
 */
class ManifestWriterTest {
    private static final String SOURCE = "live/ch/source/index.m3u8";
    private static final String AUDIO = "live/ch/audio/index.m3u8";
    private static final Instant NOW = Gops.T0.plusSeconds(30);

    private final MemoryObjects objects = new MemoryObjects();
    private final ManifestWriter writer = new ManifestWriter("ch", objects, Gops.WINDOW);

    @AfterEach
    void close() {
        objects.close();
    }

    @Test
    void aPlaylistListedForTheFirstTimeGoesUpAsAnEmptyPlaceholderWithItsSegmentsAndEveryManifestInTheNextRound()
            throws Exception {
        LivePresentation first = Gops.run(LivePresentation.empty(), "A", 4, 4, 0);
        ManifestWriter.Update update = writer.render(LivePresentation.empty(), first, NOW);

        assertEquals(List.of(SOURCE, AUDIO), keys(update.placeholders()));
        for (StoredObject placeholder : update.placeholders()) {
            HlsMediaPlaylist read = HlsMediaPlaylistReader.read(text(placeholder), Gops.WINDOW);
            HlsMediaPlaylist full = HlsMediaPlaylistReader.read(text(find(update.manifests(), placeholder.key())),
                    Gops.WINDOW);
            assertTrue(read.segments().isEmpty(), "lists nothing: " + text(placeholder));
            assertFalse(read.ended(), "a live playlist a player reloads");
            assertEquals(full.mediaSequence(), read.mediaSequence(), "numbered as the playlist that follows it");
            assertEquals(full.targetDuration(), read.targetDuration());
        }
        assertEquals(List.of(SOURCE, AUDIO, "live/ch/manifest.mpd", "live/ch/master.m3u8"), keys(update.manifests()),
                "the media playlists, the MPD and the multivariant playlist together");
        assertNotNull(update.multivariant());
        assertFalse(update.multivariantAfter());

        writer.store(update, () -> { });
        assertEquals(keys(update.manifests()), keys(objects.puts), "one round, the placeholders left to the segments'");
    }

    @Test
    void aPlaylistListedAlreadyHasNoPlaceholderAndAnUnchangedMultivariantPlaylistIsNotStoredAgain() throws Exception {
        LivePresentation first = Gops.run(LivePresentation.empty(), "A", 0, 0, 0);
        writer.store(writer.render(LivePresentation.empty(), first, NOW), () -> { });
        LivePresentation second = Gops.run(first, "A", 1, 1, 0);

        ManifestWriter.Update update = writer.render(first, second, NOW);

        assertEquals(List.of(), update.placeholders());
        assertEquals(List.of(SOURCE, AUDIO, "live/ch/manifest.mpd"), keys(update.manifests()));
    }

    @Test
    void aRenditionJoiningListedOnesHasNoPlaceholderAndTheMultivariantPlaylistComesAfterIt() throws Exception {
        LivePresentation audioOnly = LivePresentation.empty().apply(
                Gops.only(Gops.gop("A", 0, 1, Boundary.FRESH_START), "audio"), Gops.WINDOW);
        writer.store(writer.render(LivePresentation.empty(), audioOnly, NOW), () -> { });
        LivePresentation withVideo = audioOnly.apply(Gops.gop("A", 1, 2, Boundary.NONE), Gops.WINDOW);

        ManifestWriter.Update update = writer.render(audioOnly, withVideo, NOW);

        assertEquals(List.of(), update.placeholders(), "the source's playlist may be reachable already (a takeover)");
        assertEquals(List.of(AUDIO, SOURCE, "live/ch/manifest.mpd"), keys(update.manifests()));
        assertTrue(update.multivariantAfter());
        List<String> between = new ArrayList<>();
        objects.puts.clear();
        writer.store(update, () -> between.addAll(keys(objects.puts)));
        assertEquals(List.of(AUDIO, SOURCE, "live/ch/manifest.mpd"), between, "the media playlists first");
        assertEquals("live/ch/master.m3u8", objects.puts.get(objects.puts.size() - 1).key());
    }

    @Test
    void aFailedRoundLeavesTheMultivariantPlaylistToBeStoredAgain() throws Exception {
        LivePresentation first = Gops.run(LivePresentation.empty(), "A", 0, 0, 0);
        objects.failPuts("live/ch/master.m3u8", 1);
        ManifestWriter.Update update = writer.render(LivePresentation.empty(), first, NOW);
        assertThrows(ObjectStorageException.class, () -> writer.store(update, () -> { }));

        ManifestWriter.Update retry = writer.render(LivePresentation.empty(), first, NOW);

        assertTrue(keys(retry.manifests()).contains("live/ch/master.m3u8"), "not taken as stored: " + retry);
    }

    private static List<String> keys(List<StoredObject> objects) {
        return objects.stream().map(StoredObject::key).toList();
    }

    private static StoredObject find(List<StoredObject> objects, String key) {
        return objects.stream().filter(o -> o.key().equals(key)).findFirst().orElseThrow();
    }

    private static String text(StoredObject o) {
        return new String(o.bytes(), StandardCharsets.UTF_8);
    }
}
