package io.tributary.transcode.manifest.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.transcode.manifest.live.SegmentNames.MediaName;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A media segment's name is made from its GOP and read back from a stored playlist by the same rules. */
class SegmentNamesTest {
    /** (segment name as listed, the GOP it names; empty for a name {@link SegmentNames#media} never makes). */
    private record Case(String name, Optional<MediaName> gop) {
    }

    private static final List<Case> NAMES = List.of(
            new Case("S1-0.m4s", Optional.of(new MediaName("S1", 0))),
            new Case("S1-42.m4s", Optional.of(new MediaName("S1", 42))),
            // session ids may hold dashes (UUIDs): the sequence is after the last one
            new Case("3f2a-77c1-9-1234.m4s", Optional.of(new MediaName("3f2a-77c1-9", 1234))),
            new Case("S1-.m4s", Optional.empty()),
            new Case("-7.m4s", Optional.empty()),
            new Case("S1-7.mp4", Optional.empty()),
            new Case("S1-x7.m4s", Optional.empty()),
            new Case("S1-99999999999999999999.m4s", Optional.empty()),
            new Case("init-abc.mp4", Optional.empty()));

    @Test
    void readsTheSessionAndSequenceOfAMediaSegmentName() {
        for (Case c : NAMES) {
            assertEquals(c.gop(), SegmentNames.readMedia(c.name()), c.name());
        }
    }

    @Test
    void namesAMediaSegmentAsItIsReadBack() {
        for (Case c : NAMES) {
            c.gop().ifPresent(gop -> assertEquals(c.name(), SegmentNames.media(gop.sessionId(), gop.sequence())));
        }
    }
}
