package io.tributary.thumbnail.render;

import io.tributary.media.flv.FlvFormatException;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.VideoPacket;
import io.tributary.media.flv.VideoTag;
import io.tributary.media.gop.GopContent;
import io.tributary.media.gop.GopRecordException;
import io.tributary.media.gop.GopRecordReader;
import io.tributary.media.gop.GopRecordWriter;
import java.util.List;
import java.util.Optional;

/**
 * Cuts the first keyframe out of a GOP record, with the video sequence header it needs, as a small FLV stream.
 *
 * <p>Only the keyframe is decoded, so only the keyframe is given to ffmpeg: no audio to probe, no inter frames to
 * demux, a fraction of the bytes through the pipe. On this project's test clips this halves ffmpeg's CPU time per
 * picture compared with piping the whole GOP (see bench/thumbnail/README.md).
 */
public final class KeyframeCut {
    private KeyframeCut() {
    }

    /**
     * The first keyframe of the record, or empty when it has none (an audio-only stream, an end-of-session record
     * without tags).
     *
     * @throws GopRecordException if the value is not a GOP record, or has a keyframe but no video sequence header
     */
    public static Optional<Keyframe> first(byte[] recordValue) {
        GopContent gop = GopRecordReader.read(recordValue);
        for (FlvTag tag : gop.tags()) {
            if (tag instanceof VideoTag video) {
                VideoPacket packet = packetOf(video);
                if (packet.keyframe()) {
                    if (gop.videoSequenceHeader() == null) {
                        throw new GopRecordException("keyframe at " + video.timestamp()
                                + " ms without a video sequence header");
                    }
                    byte[] flv = GopRecordWriter.write(new GopContent(null, gop.videoSequenceHeader(), null,
                            List.of(video)));
                    return Optional.of(new Keyframe(flv, packet.pts()));
                }
            }
        }
        return Optional.empty();
    }

    private static VideoPacket packetOf(VideoTag video) {
        try {
            return video.packet();
        } catch (FlvFormatException e) {
            throw new GopRecordException("bad video tag at " + video.timestamp() + " ms: " + e.getMessage(), e);
        }
    }
}
