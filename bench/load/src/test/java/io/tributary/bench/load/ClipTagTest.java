package io.tributary.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.VideoTag;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClipTagTest {

    record Case(String name, FlvTag tag, boolean keyframe, boolean config) {
    }

    private static final List<Case> CASES = List.of(
            // FrameType 1 (key) | CodecID 7 (AVC), AVCPacketType 0: the sequence header, not a frame
            new Case("AVC sequence header", new VideoTag(0, new byte[] {0x17, 0x00, 0, 0, 0}), false, true),
            // FrameType 1 | CodecID 7, AVCPacketType 1 (NALUs)
            new Case("AVC keyframe", new VideoTag(0, new byte[] {0x17, 0x01, 0, 0, 0}), true, false),
            // FrameType 2 (inter) | CodecID 7, AVCPacketType 1
            new Case("AVC inter frame", new VideoTag(33, new byte[] {0x27, 0x01, 0, 0, 0}), false, false),
            // SoundFormat 10 (AAC), 44 kHz, 16 bit, stereo; AACPacketType 0: AudioSpecificConfig
            new Case("AAC config", new AudioTag(0, new byte[] {(byte) 0xAF, 0x00, 0x11, (byte) 0x90}), false, true),
            // AACPacketType 1: a raw frame
            new Case("AAC frame", new AudioTag(21, new byte[] {(byte) 0xAF, 0x01, 0x21}), false, false));

    @Test
    void classifiesKeyframesAndConfigurationTags() {
        for (Case c : CASES) {
            ClipTag tag = ClipTag.of(c.tag());
            assertEquals(c.keyframe(), tag.keyframe(), c.name() + ": keyframe");
            assertEquals(c.config(), tag.config(), c.name() + ": config");
            assertEquals(c.tag().tagType(), tag.typeId(), c.name() + ": type");
        }
    }
}
