package io.tributary.media.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectKeysTest {

    static final String ULID = "01JDQ4Z3V7J8F5K2M9N6P4R1S0";
    static final String UUID7 = "0193b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b";

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("master playlist", (Supplier<String>) () -> ObjectKeys.masterPlaylist("alice"),
                        "live/alice/master.m3u8"),
                Arguments.of("DASH manifest", (Supplier<String>) () -> ObjectKeys.dashManifest("alice"),
                        "live/alice/manifest.mpd"),
                // SHA-256("init") = bb54068aea85faa7...
                Arguments.of("init segment", (Supplier<String>) () -> ObjectKeys.initSegment("alice", "720p",
                        "init".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                        "live/alice/720p/init-bb54068aea85faa7.mp4"),
                Arguments.of("media segment",
                        (Supplier<String>) () -> ObjectKeys.mediaSegment("alice", "source", ULID, 41),
                        "live/alice/source/01JDQ4Z3V7J8F5K2M9N6P4R1S0-41.m4s"),
                Arguments.of("media segment, UUID session", (Supplier<String>) () -> ObjectKeys.mediaSegment("a_b-1",
                        "audio", UUID7, 0), "live/a_b-1/audio/0193b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b-0.m4s"),
                Arguments.of("media playlist", (Supplier<String>) () -> ObjectKeys.mediaPlaylist("alice", "480p"),
                        "live/alice/480p/index.m3u8"),
                Arguments.of("latest thumbnail", (Supplier<String>) () -> ObjectKeys.latestThumbnail("alice"),
                        "thumbnails/alice/latest.jpg"),
                Arguments.of("minute thumbnail", (Supplier<String>) () -> ObjectKeys.minuteThumbnail("alice", ULID, 2),
                        "thumbnails/alice/01JDQ4Z3V7J8F5K2M9N6P4R1S0/2.jpg"),
                Arguments.of("archive", (Supplier<String>) () -> ObjectKeys.archive("alice", ULID),
                        "archive/alice/01JDQ4Z3V7J8F5K2M9N6P4R1S0.mp4"),
                Arguments.of("live prefix", (Supplier<String>) () -> ObjectKeys.livePrefix("alice"), "live/alice/"),
                Arguments.of("rendition prefix", (Supplier<String>) () -> ObjectKeys.renditionPrefix("alice", "source"),
                        "live/alice/source/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void buildsTheKeysOfTheLayout(String name, Supplier<String> key, String expected) {
        assertEquals(expected, key.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Alice", "al.ice", "..", "a/b", "a b", "alice\n", "ä", "%2e%2e", "a\\b"})
    void refusesChannelNamesThatCouldEscapeOrCollide(String channel) {
        assertFalse(ObjectKeys.isValidChannel(channel));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                ObjectKeys.masterPlaylist(channel));
        assertTrue(e.getMessage().startsWith("not a channel name"), e.getMessage());
    }

    @Test
    void acceptsChannelNamesOfOneToSixtyFourCharacters() {
        assertTrue(ObjectKeys.isValidChannel("a"));
        assertTrue(ObjectKeys.isValidChannel("x".repeat(64)));
        assertFalse(ObjectKeys.isValidChannel("x".repeat(65)));
        assertFalse(ObjectKeys.isValidChannel(null));
        assertThrows(IllegalArgumentException.class, () -> ObjectKeys.archive(null, ULID));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", "720p/..", "Source", "a.b", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void refusesRenditionNamesThatCouldEscape(String rendition) {
        assertThrows(IllegalArgumentException.class, () -> ObjectKeys.initSegment("alice", rendition, new byte[0]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", "../../archive/bob/x", "s.mp4", "s/1", "s 1"})
    void refusesSessionIdsThatCouldEscape(String sessionId) {
        assertThrows(IllegalArgumentException.class, () -> ObjectKeys.archive("alice", sessionId));
        assertThrows(IllegalArgumentException.class, () -> ObjectKeys.mediaSegment("alice", "source", sessionId, 1));
        assertThrows(IllegalArgumentException.class, () -> ObjectKeys.minuteThumbnail("alice", sessionId, 1));
    }

    @Test
    void refusesNegativeNumbers() {
        assertThrows(IllegalArgumentException.class, () -> ObjectKeys.mediaSegment("alice", "source", ULID, -1));
        assertThrows(IllegalArgumentException.class, () -> ObjectKeys.minuteThumbnail("alice", ULID, -1));
    }

    @Test
    void keysStayInsideTheirPrefixes() {
        assertTrue(ObjectKeys.mediaSegment("alice", "source", ULID, 7).startsWith(ObjectKeys.livePrefix("alice")));
        assertTrue(ObjectKeys.minuteThumbnail("alice", ULID, 7).startsWith(ObjectKeys.THUMBNAILS_PREFIX + "alice/"));
        assertTrue(ObjectKeys.archive("alice", ULID).startsWith(ObjectKeys.ARCHIVE_PREFIX + "alice/"));
    }
}
