package io.tributary.transcode.ladder;

import java.util.Comparator;
import java.util.List;

/**
 * A channel's configured ladder: the rungs it may get below its source, and its watermark. No rungs means
 * "passthrough only": the source rendition alone.
 *
 * @param rungs largest first, one per size
 * @param watermark null for none
 */
public record Ladder(List<RungSpec> rungs, Watermark watermark) {

    public Ladder {
        rungs = rungs.stream().sorted(Comparator.comparingInt(RungSpec::shortSide).reversed()).toList();
        for (int i = 1; i < rungs.size(); i++) {
            if (rungs.get(i).shortSide() == rungs.get(i - 1).shortSide()) {
                throw new IllegalArgumentException("two rungs of " + rungs.get(i).shortSide() + " lines");
            }
        }
    }

    public static Ladder passthroughOnly() {
        return new Ladder(List.of(), null);
    }

    public boolean isPassthroughOnly() {
        return rungs.isEmpty();
    }

    public Ladder withWatermark(Watermark mark) {
        return new Ladder(rungs, mark);
    }
}
