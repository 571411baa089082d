package io.tributary.thumbnail.render;

import io.tributary.media.flv.FlvFormatException;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.VideoPacket;
import io.tributary.media.flv.VideoTag;
import io.tributary.media.gop.GopContent;
import io.tributary.media.gop.GopRecordException;
import io.tributary.media.gop.GopRecordReader;
import java.util.Optional;

/**
 * Cuts the first keyframe out of a GOP record, with the decoder configuration record of the stream's video sequence
 * header: everything a decoder needs for one picture, and nothing else (no audio, no inter frames).
 */
public final class KeyframeCut {
    private KeyframeCut() {
    }

    /**
     * The first keyframe of the record, or empty when it has none (an audio-only stream, an end-of-session record
     * without tags).
     *
     * @throws GopRecordException if the value is not a GOP record, or has a keyframe but no video sequence header of
     *                            the keyframe's codec
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
                    VideoPacket configuration = packetOf(gop.videoSequenceHeader());
                    if (configuration.codec() != packet.codec()) {
                        throw new GopRecordException("keyframe at " + video.timestamp() + " ms is " + packet.codec()
                                + " but the video sequence header is " + configuration.codec());
                    }
                    return Optional.of(new Keyframe(packet.codec(), configuration.payload(), packet.payload(),
                            packet.pts()));
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
