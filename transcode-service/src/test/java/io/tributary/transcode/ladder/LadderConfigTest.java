package io.tributary.transcode.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration keys, read by SmallRye Config as Quarkus reads them, and what they resolve to. */
class LadderConfigTest {
    @TempDir
    Path dir;

    private static LadderSettings settings(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                // the converter Quarkus registers: "2s"
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(LadderConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        return LadderSettings.from(config.getConfigMapping(LadderConfig.class));
    }

    private static List<String> names(LadderSettings s, String channel) {
        return s.planner().plan(1920, 1080, channel).stream().map(Rung::name).toList();
    }

    @Test
    void defaultsAreTheIssuesLadder() {
        LadderSettings s = settings(Map.of());
        assertTrue(s.enabled());
        assertEquals(List.of("source", "720p", "480p", "360p"), names(s, "anyone"));
        assertEquals(List.of(5_000_000L, 3_000_000L, 1_200_000L, 600_000L),
                s.planner().ladder("anyone").rungs().stream().map(RungSpec::bitsPerSecond).toList());
        assertNull(s.planner().ladder("anyone").watermark());
        assertEquals("veryfast", s.encoder().preset());
        assertEquals(Duration.ofSeconds(2), s.encoder().buffer());
        assertEquals(1, s.encoder().threads());
        assertEquals(EncoderSettings.defaults().threads(), s.encoder().threads());
        assertEquals(LagPolicy.defaults(), s.lag());
    }

    @Test
    void aChannelOverridesItsRungs() {
        LadderSettings s = settings(Map.of("tributary.transcode.ladder.channels.alice.rungs", "480p,360p"));
        assertEquals(List.of("source", "480p", "360p"), names(s, "alice"));
        assertEquals(List.of("source", "720p", "480p", "360p"), names(s, "bob"));
    }

    @Test
    void aChannelCanBePassthroughOnly() {
        LadderSettings s = settings(Map.of("tributary.transcode.ladder.channels.alice.passthrough-only", "true"));
        assertEquals(List.of("source"), names(s, "alice"));
        assertTrue(s.planner().ladder("alice").isPassthroughOnly());
    }

    @Test
    void theDefaultLadderAndItsRatesAreConfigurable() {
        LadderSettings s = settings(Map.of("tributary.transcode.ladder.rungs", "540p,240p",
                "tributary.transcode.ladder.bitrates.540p", "2M", "tributary.transcode.ladder.bitrates.240p", "250k"));
        assertEquals(List.of("source", "540p", "240p"), names(s, "anyone"));
        assertEquals(List.of(2_000_000L, 250_000L),
                s.planner().ladder("anyone").rungs().stream().map(RungSpec::bitsPerSecond).toList());
    }

    @Test
    void aRungWithoutARateFailsAtStartUp() {
        assertThrows(IllegalArgumentException.class,
                () -> settings(Map.of("tributary.transcode.ladder.channels.alice.rungs", "540p")));
    }

    @Test
    void aChannelHasItsOwnWatermark() throws Exception {
        Path png = Files.write(dir.resolve("mark.png"), new byte[] {1});
        Map<String, String> p = new HashMap<>();
        p.put("tributary.transcode.ladder.channels.alice.watermark.image", png.toString());
        p.put("tributary.transcode.ladder.channels.alice.watermark.position", "bottom-left");
        p.put("tributary.transcode.ladder.channels.alice.watermark.scale", "0.2");
        p.put("tributary.transcode.ladder.channels.alice.watermark.opacity", "0.5");
        LadderSettings s = settings(p);
        assertEquals(new Watermark(png, Watermark.Position.BOTTOM_LEFT, 0.2, 0.5, 0.02),
                s.planner().ladder("alice").watermark());
        assertNull(s.planner().ladder("bob").watermark());
        assertEquals(List.of("source", "720p", "480p", "360p"), names(s, "alice"), "the default rungs");
    }

    @Test
    void aDefaultWatermarkGoesOnEveryChannelButThoseThatTurnItOff() throws Exception {
        Path png = Files.write(dir.resolve("mark.png"), new byte[] {1});
        LadderSettings s = settings(Map.of("tributary.transcode.ladder.watermark.image", png.toString(),
                "tributary.transcode.ladder.channels.bob.watermark.enabled", "false",
                "tributary.transcode.ladder.channels.carol.rungs", "360p"));
        assertEquals(new Watermark(png, Watermark.Position.TOP_RIGHT, 0.12, 0.8, 0.02),
                s.planner().ladder("alice").watermark());
        assertEquals(png, s.planner().ladder("carol").watermark().image());
        assertNull(s.planner().ladder("bob").watermark());
    }

    @Test
    void aMissingWatermarkImageFailsAtStartUp() {
        assertThrows(IllegalArgumentException.class, () -> settings(Map.of(
                "tributary.transcode.ladder.channels.alice.watermark.image", dir.resolve("none.png").toString())));
    }
}
