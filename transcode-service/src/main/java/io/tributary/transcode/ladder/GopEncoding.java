package io.tributary.transcode.ladder;

import io.tributary.media.flv.VideoTag;
import java.util.List;
import java.util.Set;

/** Turns one GOP into its rungs' segments: {@link GopLadder} with ffmpeg, or a stand-in in tests. */
@FunctionalInterface
public interface GopEncoding {

    /**
     * @param context the video tags a continuation record needs decoded first (empty for a GOP with its keyframe)
     * @param dropped rung names to leave out
     * @throws RungEncodingException when the GOP cannot be encoded or does not line up with the source
     */
    EncodedGop encode(LadderJob job, List<VideoTag> context, Set<String> dropped);
}
