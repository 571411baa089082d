package io.tributary.archive.session;

import io.tributary.media.flv.AacPacketType;
import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.AvcPacketType;
import io.tributary.media.flv.FlvHeader;
import io.tributary.media.flv.FlvWriter;
import io.tributary.media.flv.LegacyAudioTagHeader;
import io.tributary.media.flv.LegacyVideoTagHeader;
import io.tributary.media.flv.VideoFrameType;
import io.tributary.media.flv.VideoTag;
import java.util.HexFormat;

/** Tiny GOPs as FLV: what a copy-mode piece holds, and what a GOP record's value is. */
final class FlvGops {
    private static final byte[] AVC_C = HexFormat.of().parseHex(
            "0164001effe1001a6764001eacd940a02ff970110000030001000003003c0f162d9601000468ef8fcbfdf8f800");

    private FlvGops() {
    }

    /**
     * GOPs starting at {@code starts} as one FLV stream: AVC and AAC sequence headers once, then for each GOP two
     * frames 40 ms apart (shown 40 ms late) and two AAC frames.
     */
    static byte[] of(long... starts) {
        FlvWriter w = new FlvWriter(new FlvHeader(true, true));
        w.write(VideoTag.of(starts[0], LegacyVideoTagHeader.avc(VideoFrameType.KEY_FRAME,
                AvcPacketType.SEQUENCE_HEADER, 0), AVC_C));
        w.write(AudioTag.of(starts[0], LegacyAudioTagHeader.aac(AacPacketType.SEQUENCE_HEADER),
                new byte[] {0x11, (byte) 0x90}));
        for (long start : starts) {
            w.write(VideoTag.of(start, LegacyVideoTagHeader.avc(VideoFrameType.KEY_FRAME, AvcPacketType.NALU, 40),
                    new byte[] {0, 0, 0, 1, 0x65}));
            w.write(AudioTag.of(start, LegacyAudioTagHeader.aac(AacPacketType.RAW), new byte[] {0x21}));
            w.write(VideoTag.of(start + 40, LegacyVideoTagHeader.avc(VideoFrameType.INTER_FRAME, AvcPacketType.NALU,
                    40), new byte[] {0, 0, 0, 1, 0x41}));
            w.write(AudioTag.of(start + 21, LegacyAudioTagHeader.aac(AacPacketType.RAW), new byte[] {0x21}));
        }
        return w.toByteArray();
    }
}
