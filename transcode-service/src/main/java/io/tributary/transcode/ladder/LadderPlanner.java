package io.tributary.transcode.ladder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Picks a channel's rungs for a source size: the source first, then every configured rung smaller than the source
 * (a rung at or above the source's size would spend bits on upscaled pixels), each keeping the source's aspect ratio.
 *
 * <p>Sizes go by the shorter side, so "720p" is 1280x720 for a landscape source and 720x1280 for a phone held
 * upright, and "at or above the source" compares like with like. Pure.
 */
public final class LadderPlanner {
    private final Ladder defaults;
    private final Map<String, Ladder> channels;

    /**
     * @param defaults every channel's ladder unless overridden
     * @param channels per-channel ladders, by channel name
     */
    public LadderPlanner(Ladder defaults, Map<String, Ladder> channels) {
        this.defaults = defaults;
        this.channels = Map.copyOf(channels);
    }

    /** The channel's configured ladder. */
    public Ladder ladder(String channel) {
        return channels.getOrDefault(channel, defaults);
    }

    /** The renditions of a source of this size on {@code channel}: the source, then the rungs, largest first. */
    public List<Rung> plan(int sourceWidth, int sourceHeight, String channel) {
        if (sourceWidth <= 0 || sourceHeight <= 0) {
            throw new IllegalArgumentException("bad source size " + sourceWidth + "x" + sourceHeight);
        }
        List<Rung> rungs = new ArrayList<>();
        rungs.add(Rung.source(sourceWidth, sourceHeight));
        boolean portrait = sourceHeight > sourceWidth;
        int sourceShort = Math.min(sourceWidth, sourceHeight);
        int sourceLong = Math.max(sourceWidth, sourceHeight);
        for (RungSpec spec : ladder(channel).rungs()) {
            if (spec.shortSide() >= sourceShort) {
                continue;
            }
            int longSide = evenRound((double) sourceLong * spec.shortSide() / sourceShort);
            rungs.add(portrait ? Rung.encoded(spec.name(), spec.shortSide(), longSide, spec.bitsPerSecond())
                    : Rung.encoded(spec.name(), longSide, spec.shortSide(), spec.bitsPerSecond()));
        }
        return List.copyOf(rungs);
    }

    /** The nearest even number, at least 2: 853.3 (480 lines of a 16:9 picture) gives 854. */
    static int evenRound(double size) {
        return Math.max(2, 2 * (int) Math.round(size / 2));
    }
}
