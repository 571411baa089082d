package io.tributary.transcode.ladder;

import io.tributary.media.flv.FlvHeader;
import io.tributary.media.flv.FlvWriter;
import io.tributary.media.flv.VideoPacket;
import io.tributary.media.flv.VideoTag;
import java.util.List;

/**
 * What ffmpeg reads for one GOP: a video-only FLV (audio is never re-encoded, so ffmpeg need not demux it) holding
 * the sequence header, the context frames a continuation record needs to be decoded, then the GOP's frames.
 *
 * @param flv the FLV byte stream
 * @param sourceWidth the source picture's width (the watermark is sized from it)
 * @param selection which decoded frames to encode; null for all of them (a GOP that starts with its keyframe)
 */
public record LadderInput(byte[] flv, int sourceWidth, FrameSelection selection) {

    /**
     * @param sequenceHeader the video sequence header in force
     * @param context video tags before the GOP's, from its last keyframe; empty for a GOP that starts with one
     * @param frames the GOP's video tags: coded frames, and any sequence header that changes the format midway
     */
    public static LadderInput of(VideoTag sequenceHeader, List<VideoTag> context, List<VideoTag> frames,
                                 int sourceWidth) {
        FlvWriter w = new FlvWriter(new FlvHeader(false, true));
        long first = !context.isEmpty() ? context.get(0).timestamp()
                : !frames.isEmpty() ? frames.get(0).timestamp() : sequenceHeader.timestamp();
        // a decoder must have the sequence header no later than the first frame
        w.write(new VideoTag(Math.min(first, sequenceHeader.timestamp()), sequenceHeader.body()));
        context.forEach(w::write);
        frames.forEach(w::write);
        return new LadderInput(w.toByteArray(), sourceWidth, context.isEmpty() ? null : selection(context, frames));
    }

    private static FrameSelection selection(List<VideoTag> context, List<VideoTag> frames) {
        long from = codedFrames(frames).mapToLong(VideoPacket::pts).min().orElse(Long.MAX_VALUE);
        List<Long> except = codedFrames(context).map(VideoPacket::pts).filter(pts -> pts >= from).toList();
        return new FrameSelection(from, except);
    }

    private static java.util.stream.Stream<VideoPacket> codedFrames(List<VideoTag> tags) {
        return tags.stream().map(VideoTag::packet).filter(p -> p.kind() == VideoPacket.Kind.CODED_FRAMES);
    }
}
