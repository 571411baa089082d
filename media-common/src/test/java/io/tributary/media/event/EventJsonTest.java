package io.tributary.media.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventJsonTest {

    static final Instant T = Instant.parse("2026-11-23T10:15:30.250Z");

    static StreamStarted started() {
        return StreamStarted.of("01JDQ4Z3V7J8F5K2M9N6P4R1S0", "alice", "live", T, "ingest-0",
                new VideoInfo("avc1.64001e", 640, 360, 30.0), new AudioInfo("mp4a.40.2", 48000, 2),
                Map.of(StreamStarted.HLS, "http://localhost:9000/tributary/live/alice/master.m3u8"));
    }

    static Stream<Object> events() {
        return Stream.of(
                started(),
                StreamStarted.of("s2", "bob", "live", T, "ingest-1", null, new AudioInfo("opus", 48000, 2), null),
                StreamStopped.of("s1", "alice", T, StopReason.PUBLISHER_CLOSED, 61_000, 7_800_000, 61),
                StreamStopped.of("s1", "alice", T, StopReason.REVOKED, 1, 2, 3),
                SegmentPublished.of("s1", "alice", "source", 41, "live/alice/source/s1-41.m4s", 120_000, 41_000, 1_000,
                        T, 87),
                ThumbnailPublished.of("s1", "alice", 2, "thumbnails/alice/s1/2.jpg", "thumbnails/alice/latest.jpg", 640,
                        360, 31_337, 120_033, T),
                ArchiveReady.of("s1", "alice", "archive/alice/s1.mp4", 3_000_000, 61_000, 7_800_000, 0.385, 0.962, T),
                ArchiveReady.of("s1", "alice", "archive/alice/s1.mp4", 3_000_000, 61_000, 7_800_000, 0.385, null, T),
                StreamKeyRevoked.of("alice", "key-7", T, "s1"),
                StreamKeyRevoked.of("alice", "key-8", T, null));
    }

    @ParameterizedTest
    @MethodSource("events")
    void roundTrips(Object event) {
        assertEquals(event, EventJson.read(EventJson.write(event), event.getClass()));
    }

    @Test
    void writesTheGoldenStreamStarted() {
        String golden = "{\"schemaVersion\":1,\"sessionId\":\"01JDQ4Z3V7J8F5K2M9N6P4R1S0\",\"channel\":\"alice\","
                + "\"app\":\"live\",\"startedAt\":\"2026-11-23T10:15:30.250Z\",\"ingestNode\":\"ingest-0\","
                + "\"video\":{\"codec\":\"avc1.64001e\",\"width\":640,\"height\":360,\"frameRate\":30.0},"
                + "\"audio\":{\"codec\":\"mp4a.40.2\",\"sampleRate\":48000,\"channels\":2},"
                + "\"playbackUrls\":{\"hls\":\"http://localhost:9000/tributary/live/alice/master.m3u8\"}}";
        assertEquals(golden, new String(EventJson.write(started()), StandardCharsets.UTF_8));
        assertEquals(started(), EventJson.read(golden.getBytes(StandardCharsets.UTF_8), StreamStarted.class));
    }

    @Test
    void writesStopReasonsByTheirWireNames() {
        String json = text(StreamStopped.of("s1", "alice", T, StopReason.PUBLISHER_CLOSED, 1, 2, 3));
        assertTrue(json.contains("\"reason\":\"publisher-closed\""), json);
        assertEquals(StopReason.TIMEOUT, StopReason.fromWireName("timeout"));
        assertEquals("error", StopReason.ERROR.wireName());
    }

    @Test
    void ignoresUnknownFieldsAndUnknownReasons() {
        String json = "{\"schemaVersion\":2,\"sessionId\":\"s1\",\"channel\":\"alice\",\"stoppedAt\":"
                + "\"2026-11-23T10:15:30.250Z\",\"reason\":\"moved-to-another-region\",\"durationMillis\":5,"
                + "\"bytes\":6,\"gopCount\":7,\"region\":{\"name\":\"eu\"},\"tags\":[1,2]}";
        StreamStopped s = EventJson.read(json.getBytes(StandardCharsets.UTF_8), StreamStopped.class);
        assertEquals(new StreamStopped(2, "s1", "alice", T, null, 5, 6, 7), s);
        assertNull(s.reason());
    }

    @Test
    void leavesNullFieldsOut() {
        String json = text(StreamKeyRevoked.of("alice", "key-8", T, null));
        assertFalse(json.contains("sessionId"), json);
        assertFalse(text(ArchiveReady.of("s", "c", "k", 1, 2, 3, 0.5, null, T)).contains("ssim"));
    }

    @Test
    void failsClearlyOnJsonThatIsNotTheEvent() {
        EventJsonException bad = assertThrows(EventJsonException.class,
                () -> EventJson.read("{\"sessionId\":".getBytes(StandardCharsets.UTF_8), StreamStarted.class));
        assertTrue(bad.getMessage().startsWith("cannot read StreamStarted from JSON"), bad.getMessage());
        EventJsonException missing = assertThrows(EventJsonException.class,
                () -> EventJson.read("{\"channel\":\"alice\"}".getBytes(StandardCharsets.UTF_8), StreamStopped.class));
        assertTrue(missing.getMessage().contains("sessionId"), missing.getMessage());
        byte[] badInstant = ("{\"schemaVersion\":1,\"sessionId\":\"s\",\"channel\":\"c\","
                + "\"stoppedAt\":\"yesterday\"}").getBytes(StandardCharsets.UTF_8);
        assertThrows(EventJsonException.class, () -> EventJson.read(badInstant, StreamStopped.class));
    }

    @Test
    void mapperCopiesDoNotChangeTheContract() {
        EventJson.mapper().enable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        assertTrue(text(started()).contains("\"startedAt\":\"2026-11-23T10:15:30.250Z\""));
    }

    @Test
    void everyEventHasASchemaVersionConstant() {
        assertEquals(1, StreamStarted.SCHEMA_VERSION);
        assertEquals(1, StreamStopped.SCHEMA_VERSION);
        assertEquals(1, SegmentPublished.SCHEMA_VERSION);
        assertEquals(1, ThumbnailPublished.SCHEMA_VERSION);
        assertEquals(1, ArchiveReady.SCHEMA_VERSION);
        assertEquals(1, StreamKeyRevoked.SCHEMA_VERSION);
        assertEquals(1, started().schemaVersion());
    }

    private static String text(Object event) {
        return new String(EventJson.write(event), StandardCharsets.UTF_8);
    }
}
