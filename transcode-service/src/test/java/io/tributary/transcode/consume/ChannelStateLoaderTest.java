package io.tributary.transcode.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopMetadata;
import io.tributary.media.storage.ObjectKeys;
import io.tributary.storage.ObjectStorageException;
import io.tributary.storage.StoredObject;
import io.tributary.transcode.manifest.hls.HlsMediaPlaylist;
import io.tributary.transcode.manifest.hls.HlsSegment;
import io.tributary.transcode.manifest.live.Boundary;
import io.tributary.transcode.store.ChannelObjects;
import io.tributary.transcode.store.OutputKeys;
import io.tributary.transcode.store.PendingUploads;
import io.tributary.transcode.store.StateJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How many reads a channel's state costs, and which are made together (issue 10: a new channel's first playlist waits
 * for them). Pure orchestration over a bucket held in memory; {@code TakeoverIT} and {@code FirstRecordIT} read the
 * real one.
 */
class ChannelStateLoaderTest {
    private static final String CHANNEL = "loader";
    private static final String STATE = OutputKeys.state(CHANNEL);
    private static final String LISTING = ObjectKeys.livePrefix(CHANNEL);
    private static final String SOURCE = ObjectKeys.mediaPlaylist(CHANNEL, "source");
    private static final String AUDIO = ObjectKeys.mediaPlaylist(CHANNEL, "audio");
    private static final Instant T0 = Instant.parse("2026-11-27T06:00:00Z");

    /** A bucket in memory that logs its reads; reads named in {@link #together} wait until all of them started. */
    private static final class LoggedReads extends ChannelObjects {
        final Map<String, byte[]> bucket = new ConcurrentHashMap<>();
        final List<String> reads = Collections.synchronizedList(new ArrayList<>());
        /** Every read fails as the MinIO client's do when S3 does not answer. */
        volatile boolean away;
        /** Reads that fail so, one by one. */
        final Set<String> failing = ConcurrentHashMap.newKeySet();
        /** Listings still to fail, as S3Proxy's does when it meets an object being written (gaul/s3proxy#963). */
        final AtomicInteger listingsFailing = new AtomicInteger();
        private final List<String> together;
        final Rendezvous rendezvous;

        LoggedReads(String... together) {
            super(null, 4);
            this.together = List.of(together);
            this.rendezvous = new Rendezvous(together.length);
        }

        @Override
        public Optional<byte[]> get(String key) {
            reads.add("GET " + key);
            if (away || failing.contains("GET " + key)) {
                throw new ObjectStorageException("S3 away", null);
            }
            meet("GET " + key);
            return Optional.ofNullable(bucket.get(key));
        }

        @Override
        public List<String> list(String prefix) {
            reads.add("LIST " + prefix);
            if (listingsFailing.getAndDecrement() > 0) {
                throw new ObjectStorageException("cannot list " + prefix + ": response code 500", null);
            }
            meet("LIST " + prefix);
            return new TreeMap<>(bucket).keySet().stream().filter(k -> k.startsWith(prefix)).toList();
        }

        @Override
        public PendingUploads startAll(List<StoredObject> objects) {
            throw new AssertionError("loading a state writes nothing");
        }

        void put(String key, String text) {
            bucket.put(key, text.getBytes(StandardCharsets.UTF_8));
        }

        /** A read listed in {@code together} returns only once all of them are in flight. */
        private void meet(String read) {
            if (together.contains(read)) {
                rendezvous.arrive();
            }
        }
    }

    private final List<LoggedReads> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(ChannelObjects::close);
    }

    private LoggedReads objects(String... together) {
        LoggedReads objects = new LoggedReads(together);
        opened.add(objects);
        return objects;
    }

    private static ChannelState load(LoggedReads objects) throws InterruptedException {
        return loaded(objects).state();
    }

    private static ChannelStateLoader.Loaded loaded(LoggedReads objects) throws InterruptedException {
        return ChannelStateLoader.await(ChannelStateLoader.start(CHANNEL, objects, 6));
    }

    /** A state object saved after record 4 of session S, as the previous owner stored it. */
    private static ChannelState storeStateAfterSequence4(LoggedReads objects) {
        ChannelState saved = savedAfter("S", 4);
        objects.bucket.put(STATE, StateJson.write(saved));
        return saved;
    }

    private static ChannelState savedAfter(String session, long sequence) {
        return ChannelState.empty().after(GopMetadata.of(session, sequence, sequence * 2000, 2000,
                T0.toEpochMilli(), EnumSet.noneOf(GopFlag.class)), Boundary.NONE,
                ChannelState.empty().presentation(), List.of());
    }

    private static String playlist(String session, int from, int to) {
        HlsMediaPlaylist p = HlsMediaPlaylist.live(6, 2);
        for (int i = from; i < to; i++) {
            p = p.append(HlsSegment.of(session + "-" + i + ".m4s", Duration.ofSeconds(2), T0.plusSeconds(2L * i),
                    "init-a.mp4"));
        }
        return p.render();
    }

    @Test
    void aNewChannelCostsOneRoundOfThreeGetsTheStateObjectAndTheSourceAndAudioPlaylistsAndNoListing()
            throws Exception {
        LoggedReads objects = objects("GET " + STATE, "GET " + SOURCE, "GET " + AUDIO);

        ChannelStateLoader.Loaded loaded = loaded(objects);

        assertEquals(ChannelState.empty(), loaded.state());
        assertEquals(null, loaded.published());
        assertFalse(objects.rendezvous.apart(), "the state object and the two playlists are read together");
        assertEquals(List.of("GET " + AUDIO, "GET " + SOURCE, "GET " + STATE),
                objects.reads.stream().sorted().toList(), "no listing: nothing is stored to recover");
    }

    /**
     * A state object with the last segment the source playlist lists (no listing, no other playlist read), or, with no
     * source playlist (an audio-only channel), the audio playlist's: that one must not be set back either.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aSavedStateIsTakenAsItIsWithTheLastSegmentTheSourceOrElseTheAudioPlaylistLists(boolean video)
            throws Exception {
        LoggedReads objects = objects("GET " + STATE, "GET " + SOURCE, "GET " + AUDIO);
        ChannelState saved = storeStateAfterSequence4(objects);
        objects.put(AUDIO, playlist("S", 0, video ? 9 : 7)); // listed two records past the state object (issue 10)
        if (video) {
            objects.put(SOURCE, playlist("S", 0, 7)); // the one that counts: the audio's is not read for it
            objects.put(ObjectKeys.mediaPlaylist(CHANNEL, "240p"), playlist("S", 0, 7));
        }

        ChannelStateLoader.Loaded loaded = loaded(objects);

        assertEquals(saved, loaded.state());
        assertEquals(new PublishedThrough("S", 6), loaded.published());
        assertFalse(objects.rendezvous.apart(), "the state object and the playlists are read together");
        assertEquals(List.of("GET " + AUDIO, "GET " + SOURCE, "GET " + STATE),
                objects.reads.stream().sorted().toList(), "no listing, no other playlist");
    }

    /**
     * A source playlist that lists nothing is a placeholder (a first listing's playlists go up empty with the first
     * segments, ManifestWriter): the previous owner stopped before its manifests, so it says nothing of how far that
     * owner got, and the audio playlist is read for it.
     */
    @Test
    void aSourcePlaylistThatListsNothingLeavesThePublishedThroughToTheAudioPlaylist() throws Exception {
        LoggedReads objects = objects();
        storeStateAfterSequence4(objects);
        objects.put(SOURCE, HlsMediaPlaylist.live(6, 2).render());
        objects.put(AUDIO, playlist("S", 0, 7));

        assertEquals(new PublishedThrough("S", 6), loaded(objects).published());
    }

    @Test
    void aFailedReadOfTheAudioPlaylistOfAChannelWithoutSourcePlaylistFailsTheLoad() {
        LoggedReads objects = objects();
        storeStateAfterSequence4(objects);
        objects.put(AUDIO, playlist("S", 0, 7));
        objects.failing.add("GET " + AUDIO);

        assertThrows(ObjectStorageException.class, () -> loaded(objects),
                "read as missing, the records after the state object would be stored over newer audio playlists");
    }

    @Test
    void aFailedReadOfTheAudioPlaylistOfAChannelWithVideoIsNotWaitedFor() throws Exception {
        LoggedReads objects = objects();
        storeStateAfterSequence4(objects);
        objects.put(SOURCE, playlist("S", 0, 7));
        objects.failing.add("GET " + AUDIO);

        assertEquals(new PublishedThrough("S", 6), loaded(objects).published(), "the source playlist says it");
    }

    @Test
    void anAudioOnlyChannelWithoutAStateObjectIsRecoveredFromItsPlaylist() throws Exception {
        LoggedReads objects = objects();
        objects.put(AUDIO, playlist("S", 0, 9));

        ChannelState state = load(objects);

        assertTrue(state.sessionEnded(), "the next record starts a session");
        assertEquals(3, state.presentation().rendition("audio").orElseThrow().playlist().mediaSequence());
        assertTrue(state.presentation().rendition("source").isEmpty());
        assertEquals(List.of("GET " + AUDIO, "GET " + SOURCE, "GET " + STATE, "LIST " + LISTING),
                objects.reads.stream().sorted().toList(), "the audio playlist read once");
    }

    @Test
    void anUnreadableSourcePlaylistLeavesTheSavedStateAndNoPublishedThrough() throws Exception {
        LoggedReads objects = objects();
        ChannelState saved = storeStateAfterSequence4(objects);
        objects.put(SOURCE, "#EXTM3U\nS-5.m4s\n"); // a URI without EXTINF: not ours

        ChannelStateLoader.Loaded loaded = loaded(objects);

        assertEquals(saved, loaded.state());
        assertEquals(null, loaded.published(), "the records after the state are stored again, as before");
    }

    @Test
    void withoutAStateObjectTheStoredPlaylistsAreListedReadAndTheirNumberingContinued() throws Exception {
        String rung = ObjectKeys.mediaPlaylist(CHANNEL, "240p");
        LoggedReads objects = objects("GET " + STATE, "GET " + SOURCE, "GET " + AUDIO);
        objects.put(SOURCE, playlist("S", 0, 9)); // nine segments in a window of six: media sequence 3
        objects.put(AUDIO, playlist("S", 0, 9));
        objects.put(rung, playlist("S", 0, 9));
        objects.put(OutputKeys.renditionObject(CHANNEL, "source", "S-8.m4s"), "segment");

        ChannelState state = load(objects);

        assertFalse(objects.rendezvous.apart(), "the state object and the source and audio playlists read together");
        assertTrue(state.sessionEnded(), "the next record starts a session");
        for (String rendition : List.of("source", "audio", "240p")) {
            assertEquals(3, state.presentation().rendition(rendition).orElseThrow().playlist().mediaSequence(),
                    rendition);
        }
        assertEquals(List.of("GET " + rung, "GET " + AUDIO, "GET " + SOURCE, "GET " + STATE, "LIST " + LISTING),
                objects.reads.stream().sorted().toList(), "the listing finds the rung; each playlist read once");
    }

    @Test
    void anUnreadableStateObjectIsRecoveredFromThePlaylists() throws Exception {
        LoggedReads objects = objects();
        objects.put(STATE, "{not json");
        objects.put(ObjectKeys.mediaPlaylist(CHANNEL, "source"), playlist("S", 0, 4));

        ChannelState state = load(objects);

        assertEquals(0, state.presentation().rendition("source").orElseThrow().playlist().mediaSequence());
        assertEquals(4, state.presentation().rendition("source").orElseThrow().playlist().segments().size());
    }

    @Test
    void aListingThatFailsOnceIsReadAgainWhileTheFirstSegmentsAreWritten() throws Exception {
        LoggedReads objects = objects();
        objects.put(SOURCE, playlist("S", 0, 4)); // no state object: the listing is needed
        objects.listingsFailing.set(1);

        assertEquals(4, load(objects).presentation().rendition("source").orElseThrow().playlist().segments().size());
        assertEquals(List.of("GET " + AUDIO, "GET " + SOURCE, "GET " + STATE, "LIST " + LISTING, "LIST " + LISTING),
                objects.reads.stream().sorted().toList());
    }

    @Test
    void aListingThatFailsTwiceFailsTheLoad() {
        LoggedReads objects = objects();
        objects.put(SOURCE, playlist("S", 0, 4));
        objects.listingsFailing.set(2);

        assertThrows(ObjectStorageException.class, () -> load(objects));
    }

    @Test
    void aFailedReadFailsTheLoadWithTheStoragesOwnExceptionSoTheStepIsRetried() {
        LoggedReads objects = objects();
        objects.away = true;

        assertThrows(ObjectStorageException.class, () -> load(objects));
    }
}
