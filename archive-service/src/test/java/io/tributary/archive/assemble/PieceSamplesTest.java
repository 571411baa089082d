package io.tributary.archive.assemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.media.flv.AacPacketType;
import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.AvcPacketType;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.LegacyAudioTagHeader;
import io.tributary.media.flv.LegacyVideoTagHeader;
import io.tributary.media.flv.VideoFrameType;
import io.tributary.media.flv.VideoTag;
import io.tributary.media.gop.GopContent;
import io.tributary.media.gop.GopRecordReader;
import io.tributary.media.gop.GopRecordWriter;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PieceSamplesTest {
    private static final byte[] AVC_C = HexFormat.of().parseHex(
            "0164001effe1001a6764001eacd940a02ff970110000030001000003003c0f162d9601000468ef8fcbfdf8f800");

    @Test
    void samplesOfAReadRecordAreThoseOfItsBytes() {
        byte[] record = GopRecordWriter.write(new GopContent(null,
                VideoTag.of(1000, LegacyVideoTagHeader.avc(VideoFrameType.KEY_FRAME, AvcPacketType.SEQUENCE_HEADER, 0),
                        AVC_C),
                AudioTag.of(1000, LegacyAudioTagHeader.aac(AacPacketType.SEQUENCE_HEADER), new byte[] {0x11, (byte) 0x90}),
                List.<FlvTag>of(
                        VideoTag.of(1000, LegacyVideoTagHeader.avc(VideoFrameType.KEY_FRAME, AvcPacketType.NALU, 40),
                                new byte[] {0, 0, 0, 1, 0x65}),
                        AudioTag.of(1000, LegacyAudioTagHeader.aac(AacPacketType.RAW), new byte[] {0x21}),
                        VideoTag.of(1040, LegacyVideoTagHeader.avc(VideoFrameType.INTER_FRAME, AvcPacketType.NALU, 40),
                                new byte[] {0, 0, 0, 1, 0x41}),
                        AudioTag.of(1021, LegacyAudioTagHeader.aac(AacPacketType.RAW), new byte[] {0x22}))));

        PieceSamples fromBytes = PieceSamples.read(record);
        PieceSamples fromRecord = PieceSamples.of(GopRecordReader.read(record));

        assertArrayEquals(fromBytes.videoConfig().payload(), fromRecord.videoConfig().payload());
        assertArrayEquals(fromBytes.audioConfig().payload(), fromRecord.audioConfig().payload());
        assertEquals(2, fromRecord.video().size());
        assertEquals(2, fromRecord.audio().size());
        ArchiveFragmenter fragmenter = ArchiveFragmenter.forFirstPiece(fromBytes);
        assertArrayEquals(Mp4Boxes.written(fragmenter.fragment(1, fragmenter.open(fromBytes), null)),
                Mp4Boxes.written(fragmenter.fragment(1, fragmenter.open(fromRecord), null)),
                "the same movie fragment either way");
    }
}
