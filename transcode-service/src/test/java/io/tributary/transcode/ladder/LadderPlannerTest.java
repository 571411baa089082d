package io.tributary.transcode.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class LadderPlannerTest {
    private static final Ladder DEFAULT = new Ladder(List.of(
            RungSpec.named("1080p", Map.of()), RungSpec.named("720p", Map.of()),
            RungSpec.named("480p", Map.of()), RungSpec.named("360p", Map.of())), null);
    private static final LadderPlanner PLANNER = new LadderPlanner(DEFAULT, Map.of(
            "small", new Ladder(List.of(RungSpec.named("480p", Map.of()), RungSpec.named("360p", Map.of())), null),
            "plain", Ladder.passthroughOnly()));

    /** (case, source width, source height, channel, expected renditions as name:WxH@bps). */
    static Stream<Arguments> plans() {
        return Stream.of(
                Arguments.of("1080p source gets every lower rung", 1920, 1080, "alice",
                        List.of("source:1920x1080@0", "720p:1280x720@3000000", "480p:854x480@1200000",
                                "360p:640x360@600000")),
                Arguments.of("720p source skips 1080p and its own size", 1280, 720, "alice",
                        List.of("source:1280x720@0", "480p:854x480@1200000", "360p:640x360@600000")),
                Arguments.of("1440p source gets the whole ladder", 2560, 1440, "alice",
                        List.of("source:2560x1440@0", "1080p:1920x1080@5000000", "720p:1280x720@3000000",
                                "480p:854x480@1200000", "360p:640x360@600000")),
                Arguments.of("360p source gets nothing below it", 640, 360, "alice",
                        List.of("source:640x360@0")),
                Arguments.of("a source just above a rung gets it", 700, 394, "alice",
                        List.of("source:700x394@0", "360p:640x360@600000")),
                Arguments.of("portrait phone: sizes go by the short side", 720, 1280, "alice",
                        List.of("source:720x1280@0", "480p:480x854@1200000", "360p:360x640@600000")),
                Arguments.of("4:3 source keeps its aspect ratio", 1440, 1080, "alice",
                        List.of("source:1440x1080@0", "720p:960x720@3000000", "480p:640x480@1200000",
                                "360p:480x360@600000")),
                Arguments.of("odd-sized source: rungs still even", 1366, 768, "alice",
                        List.of("source:1366x768@0", "720p:1280x720@3000000", "480p:854x480@1200000",
                                "360p:640x360@600000")),
                Arguments.of("per-channel rungs", 1920, 1080, "small",
                        List.of("source:1920x1080@0", "480p:854x480@1200000", "360p:640x360@600000")),
                Arguments.of("per-channel rungs still skip those at the source's size", 854, 480, "small",
                        List.of("source:854x480@0", "360p:640x360@600000")),
                Arguments.of("passthrough only", 1920, 1080, "plain", List.of("source:1920x1080@0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void plansRungsBelowTheSource(String name, int width, int height, String channel, List<String> expected) {
        List<String> actual = PLANNER.plan(width, height, channel).stream()
                .map(r -> r.name() + ":" + r.width() + "x" + r.height() + "@" + r.bitsPerSecond()).toList();
        assertEquals(expected, actual);
    }

    @Test
    void theSourceIsPassthroughAndEveryOtherRungIsEncoded() {
        List<Rung> plan = PLANNER.plan(1920, 1080, "alice");
        assertEquals(List.of(true, false, false, false), plan.stream().map(Rung::passthrough).toList());
    }

    @Test
    void rejectsAnEmptySource() {
        assertThrows(IllegalArgumentException.class, () -> PLANNER.plan(0, 1080, "alice"));
    }

    /** (text, bits per second). */
    static Stream<Arguments> bitrates() {
        return Stream.of(Arguments.of("600k", 600_000L), Arguments.of("5M", 5_000_000L),
                Arguments.of("1.2M", 1_200_000L), Arguments.of("2500000", 2_500_000L), Arguments.of("800K", 800_000L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bitrates")
    void readsBitratesWithDecimalPrefixes(String text, long expected) {
        assertEquals(expected, RungSpec.parseBitrate(text));
    }

    @Test
    void aRungIsNamedByItsLines() {
        assertThrows(IllegalArgumentException.class, () -> RungSpec.named("hd", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> RungSpec.named("540p", Map.of()),
                "540p has no built-in rate");
        assertEquals(new RungSpec("540p", 540, 2_000_000), RungSpec.named("540p", Map.of("540p", "2M")));
        assertEquals(new RungSpec("720p", 720, 2_500_000), RungSpec.named("720p", Map.of("720p", "2500k")));
    }

    @Test
    void aLadderHasOneRungPerSize() {
        assertThrows(IllegalArgumentException.class, () -> new Ladder(List.of(new RungSpec("720p", 720, 1),
                new RungSpec("hd", 720, 2)), null));
    }
}
