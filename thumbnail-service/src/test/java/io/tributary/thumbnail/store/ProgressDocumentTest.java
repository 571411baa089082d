package io.tributary.thumbnail.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.media.event.EventJson;
import io.tributary.media.event.EventJsonException;
import io.tributary.thumbnail.schedule.SessionProgress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressDocumentTest {

    record Case(String name, String json, SessionProgress value) {
    }

    static final List<Case> CASES = List.of(
            new Case("a session without a picture yet",
                    "{\"schemaVersion\":1,\"sessionId\":\"01JSESSION\",\"originMillis\":0,"
                            + "\"intervalMillis\":60000,\"lastMinute\":-1}",
                    new SessionProgress("01JSESSION", 0, 60_000, -1)),
            new Case("a session at minute 42 with a 2 s interval",
                    "{\"schemaVersion\":1,\"sessionId\":\"S\",\"originMillis\":7000,"
                            + "\"intervalMillis\":2000,\"lastMinute\":42}",
                    new SessionProgress("S", 7_000, 2_000, 42)),
            new Case("a keyframe being decoded",
                    "{\"schemaVersion\":1,\"sessionId\":\"S\",\"originMillis\":0,"
                            + "\"intervalMillis\":2000,\"lastMinute\":3,"
                            + "\"attempt\":57}", // GOP 57's keyframe is in the decoder
                    new SessionProgress("S", 0, 2_000, 3, 57, List.of())),
            new Case("two keyframes crashed the decoder, a third being decoded",
                    "{\"schemaVersion\":1,\"sessionId\":\"S\",\"originMillis\":0,"
                            + "\"intervalMillis\":2000,\"lastMinute\":3,"
                            + "\"attempt\":60,"
                            + "\"crashed\":[41,42]}",
                    new SessionProgress("S", 0, 2_000, 3, 60, List.of(41L, 42L))));

    @Test
    void writesProgressAsJson() {
        for (Case c : CASES) {
            assertEquals(c.json, new String(EventJson.write(ProgressDocument.of(c.value)), StandardCharsets.UTF_8),
                    c.name);
        }
    }

    @Test
    void readsProgressFromJson() {
        for (Case c : CASES) {
            assertEquals(c.value, read(c.json), c.name);
        }
    }

    @Test
    void ignoresFieldsAddedLater() {
        assertEquals(new SessionProgress("S", 0, 1000, 2), read(
                "{\"schemaVersion\":1,\"sessionId\":\"S\",\"originMillis\":0,\"intervalMillis\":1000,"
                        + "\"lastMinute\":2,\"someday\":true}"));
    }

    @Test
    void readsADocumentWrittenBeforeAttemptsAsNoAttemptAndNoCrash() {
        SessionProgress old = read("{\"schemaVersion\":1,\"sessionId\":\"S\",\"originMillis\":0,"
                + "\"intervalMillis\":1000,\"lastMinute\":2}");

        assertEquals(SessionProgress.NONE, old.attempt());
        assertEquals(List.of(), old.crashed());
    }

    @Test
    void rejectsDocumentsThatAreNotProgress() {
        assertThrows(IllegalArgumentException.class, () -> read(
                "{\"schemaVersion\":2,\"sessionId\":\"S\",\"originMillis\":0,\"intervalMillis\":1000,\"lastMinute\":2}"));
        assertThrows(IllegalArgumentException.class, () -> read(
                "{\"schemaVersion\":1,\"originMillis\":0,\"intervalMillis\":1000,\"lastMinute\":2}"));
        assertThrows(IllegalArgumentException.class, () -> read(
                "{\"schemaVersion\":1,\"sessionId\":\"S\",\"originMillis\":0,\"intervalMillis\":0,\"lastMinute\":2}"));
        assertThrows(IllegalArgumentException.class, () -> read(
                "{\"schemaVersion\":1,\"sessionId\":\"S\",\"originMillis\":0,\"intervalMillis\":1000,\"lastMinute\":2,"
                        + "\"crashed\":[1,null]}"));
        assertThrows(IllegalArgumentException.class, () -> read(
                "{\"schemaVersion\":1,\"sessionId\":\"S\",\"originMillis\":0,\"intervalMillis\":1000,\"lastMinute\":2,"
                        + "\"attempt\":-5}"));
        assertThrows(EventJsonException.class, () -> read("{\"schemaVersion\":"));
        assertThrows(EventJsonException.class, () -> read("[]"));
    }

    private static SessionProgress read(String json) {
        return EventJson.read(json.getBytes(StandardCharsets.UTF_8), ProgressDocument.class).toProgress();
    }
}
