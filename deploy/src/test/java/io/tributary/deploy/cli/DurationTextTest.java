package io.tributary.deploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    private record Case(String text, Duration duration) {
    }

    private static final List<Case> CASES = List.of(
            new Case("90s", Duration.ofSeconds(90)),
            new Case("15m", Duration.ofMinutes(15)),
            new Case("1h", Duration.ofHours(1)),
            new Case("7d", Duration.ofDays(7)),
            new Case("2w", Duration.ofDays(14)),
            new Case("1h30m", Duration.ofMinutes(90)),
            new Case("1H", Duration.ofHours(1)),
            new Case("PT1H", Duration.ofHours(1)),
            new Case("p7d", Duration.ofDays(7)));

    @Test
    void readsTheUsualShortFormsAndIso8601() {
        for (Case c : CASES) {
            assertEquals(c.duration(), DurationText.parse("--ttl", c.text()), c.text());
        }
    }

    @Test
    void refusesTextThatIsNotAPositiveDurationNamingTheOption() {
        for (String text : List.of("", "1", "1x", "h", "-1h", "1.5h", "PT", "0s", "PT0S", "PT-1H", "1h 30m")) {
            CliException e = assertThrows(CliException.class, () -> DurationText.parse("--expires-in", text), text);
            assertEquals(CliException.USAGE, e.exitStatus());
            assertTrue(e.getMessage().startsWith("--expires-in"), e.getMessage());
        }
    }

    @Test
    void formatsToTheTwoLargestUnits() {
        assertEquals("0s", DurationText.format(Duration.ZERO));
        assertEquals("45s", DurationText.format(Duration.ofMillis(45_900)));
        assertEquals("1m12s", DurationText.format(Duration.ofSeconds(72)));
        assertEquals("2h5m", DurationText.format(Duration.ofSeconds(2 * 3600 + 5 * 60 + 7)));
        assertEquals("3d4h", DurationText.format(Duration.ofHours(76).plusMinutes(9)));
        assertEquals("0s", DurationText.format(Duration.ofSeconds(-5)));
    }
}
