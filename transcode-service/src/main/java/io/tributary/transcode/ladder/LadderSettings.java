package io.tributary.transcode.ladder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ladder's configuration checked and resolved: a rung name without a bit rate, or a watermark that is not a
 * readable file, fails at start-up rather than at a stream's first GOP.
 */
public record LadderSettings(boolean enabled, LadderPlanner planner, EncoderSettings encoder, LagPolicy lag) {

    public static LadderSettings from(LadderConfig config) {
        Map<String, String> bitrates = config.bitrates();
        Watermark defaultMark = watermark(config.watermark(), null);
        Ladder defaults = new Ladder(specs(config.rungs(), bitrates), defaultMark);
        Map<String, Ladder> channels = new HashMap<>();
        config.channels().forEach((name, c) -> {
            if (c.passthroughOnly()) {
                channels.put(name, Ladder.passthroughOnly());
            } else {
                Watermark mark = watermark(c.watermark(), defaultMark);
                List<RungSpec> rungs = c.rungs().map(r -> specs(r, bitrates)).orElse(defaults.rungs());
                channels.put(name, new Ladder(rungs, mark));
            }
        });
        LadderConfig.Encoder e = config.encoder();
        EncoderSettings encoder = new EncoderSettings(e.preset(), e.profile(), e.threads(), e.peakFactor(),
                e.buffer(), e.timeout(), e.workDir().orElseGet(EncoderSettings::defaultWorkDir));
        LadderConfig.Lag l = config.lag();
        return new LadderSettings(config.enabled(), new LadderPlanner(defaults, channels), encoder,
                new LagPolicy(l.window(), l.minSpeed(), l.maxBacklog()));
    }

    private static List<RungSpec> specs(List<String> names, Map<String, String> bitrates) {
        return names.stream().filter(n -> !n.isBlank()).map(n -> RungSpec.named(n, bitrates)).toList();
    }

    /** The watermark these settings describe, none when disabled, or {@code otherwise} when they name no image. */
    private static Watermark watermark(LadderConfig.WatermarkSettings w, Watermark otherwise) {
        if (!w.enabled()) {
            return null;
        }
        if (w.image().isEmpty()) {
            return otherwise;
        }
        Path image = w.image().get();
        if (!Files.isRegularFile(image) || !Files.isReadable(image)) {
            throw new IllegalArgumentException("watermark image is not a readable file: " + image);
        }
        return new Watermark(image, w.position(), w.scale(), w.opacity(), w.margin());
    }
}
