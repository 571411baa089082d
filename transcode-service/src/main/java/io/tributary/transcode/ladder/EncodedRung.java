package io.tributary.transcode.ladder;

import io.tributary.transcode.cmaf.AvcTrack;
import java.util.List;

/** One rung of one GOP as ffmpeg wrote it: the track format its sequence header gives, and its frames in order. */
public record EncodedRung(Rung rung, AvcTrack format, List<CodedFrame> frames) {

    public EncodedRung {
        frames = List.copyOf(frames);
    }
}
