package io.tributary.transcode.ladder;

import java.time.Duration;
import java.util.List;

/**
 * What one ffmpeg run made of one GOP.
 *
 * @param wall from starting ffmpeg to having read every output back
 * @param cpu ffmpeg's own user plus system time (its {@code -benchmark} report), zero if it gave none
 */
public record EncodedLadder(List<EncodedRung> rungs, Duration wall, Duration cpu) {

    public EncodedLadder {
        rungs = List.copyOf(rungs);
    }
}
