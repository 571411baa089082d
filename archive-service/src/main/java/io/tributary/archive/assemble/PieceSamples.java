package io.tributary.archive.assemble;

import io.tributary.media.codec.AudioCodec;
import io.tributary.media.flv.AudioPacket;
import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.FlvFormatException;
import io.tributary.media.flv.FlvReader;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.VideoPacket;
import io.tributary.media.flv.VideoTag;
import io.tributary.media.gop.GopContent;
import java.util.ArrayList;
import java.util.List;

/**
 * The media of one piece (an FLV stream: a re-encoded GOP or a record as it came), as an MP4 writer needs it: the
 * coded video frames and AAC frames in tag order, with the first sequence header of each.
 *
 * @param videoConfig the first video sequence header's payload (a decoder configuration record), or null
 * @param audioConfig the first AAC sequence header's payload (an AudioSpecificConfig), or null
 */
public record PieceSamples(VideoPacket videoConfig, AudioPacket audioConfig, List<VideoPacket> video,
                           List<AudioPacket> audio) {

    /**
     * Reads a piece. Tags of codecs an MP4 archive does not carry (audio other than AAC, legacy video other than
     * AVC) are left out; so is script data.
     *
     * @throws FlvFormatException when the bytes are not an FLV stream
     */
    public static PieceSamples read(byte[] pieceFlv) {
        return of(new FlvReader(pieceFlv).readAll());
    }

    /**
     * The samples of a GOP record already read: the same as {@link #read} of its bytes (a record is an FLV stream
     * whose sequence headers come before its other tags), without reading them again. In copy mode the record is
     * the piece.
     */
    public static PieceSamples of(GopContent record) {
        List<FlvTag> tags = new ArrayList<>(record.tags().size() + 2);
        if (record.videoSequenceHeader() != null) {
            tags.add(record.videoSequenceHeader());
        }
        if (record.audioSequenceHeader() != null) {
            tags.add(record.audioSequenceHeader());
        }
        tags.addAll(record.tags());
        return of(tags);
    }

    private static PieceSamples of(List<FlvTag> tags) {
        VideoPacket videoConfig = null;
        AudioPacket audioConfig = null;
        List<VideoPacket> video = new ArrayList<>();
        List<AudioPacket> audio = new ArrayList<>();
        for (FlvTag tag : tags) {
            if (tag instanceof VideoTag v) {
                VideoPacket p = videoPacket(v);
                if (p == null || p.codec() == null) {
                    continue;
                }
                if (p.isSequenceHeader()) {
                    videoConfig = videoConfig == null ? p : videoConfig;
                } else if (p.kind() == VideoPacket.Kind.CODED_FRAMES && p.payload().length > 0) {
                    video.add(p);
                }
            } else if (tag instanceof AudioTag a) {
                AudioPacket p = audioPacket(a);
                if (p == null || p.codec() != AudioCodec.AAC) {
                    continue;
                }
                if (p.isSequenceHeader()) {
                    audioConfig = audioConfig == null ? p : audioConfig;
                } else if (p.kind() == AudioPacket.Kind.CODED_FRAMES && p.payload().length > 0) {
                    audio.add(p);
                }
            }
        }
        return new PieceSamples(videoConfig, audioConfig, List.copyOf(video), List.copyOf(audio));
    }

    private static VideoPacket videoPacket(VideoTag tag) {
        try {
            return VideoPacket.of(tag);
        } catch (FlvFormatException e) {
            return null; // a legacy codec other than AVC: not archivable in MP4
        }
    }

    private static AudioPacket audioPacket(AudioTag tag) {
        try {
            return AudioPacket.of(tag);
        } catch (FlvFormatException e) {
            return null;
        }
    }
}
