package io.tributary.transcode.cmaf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.VideoTag;
import io.tributary.media.gop.GopContent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class FlvSampleMapperTest {
    /** The AVCDecoderConfigurationRecord libx264 (bundled FFmpeg 7.1) wrote for a 640x360 High 3.0 testsrc2 clip. */
    private static final byte[] AVCC = HexFormat.of().parseHex(
            "0164001effe1001a6764001eacd940a02ff970110000030001000003003c0f162d9601000468ef8fcbfdf8f800");
    /** AAC LC, 44.1 kHz (index 4), stereo: 00010 0100 0010 000. */
    static final byte[] ASC_LC = HexFormat.of().parseHex("1210");
    /** Explicit HE-AAC: object type 5, core 22.05 kHz (index 7), stereo, SBR at 44.1 kHz (index 4), core type 2. */
    private static final byte[] ASC_HE = HexFormat.of().parseHex("2b920800");

    @Test
    void sequenceHeadersGiveTheTrackFormats() {
        GopSamples gop = FlvSampleMapper.map(List.of(avcHeader(), aacHeader(ASC_LC)), OptionalLong.empty());
        AvcTrack video = (AvcTrack) gop.videoFormat();
        assertEquals(640, video.width());
        assertEquals(360, video.height());
        assertEquals("avc1.64001e", video.codecString());
        assertArrayEquals(AVCC, video.avcDecoderConfigurationRecord(), "avcC is the sequence header, byte for byte");
        AacTrack audio = (AacTrack) gop.audioFormat();
        assertEquals(44_100, audio.sampleRate());
        assertEquals(2, audio.channels());
        assertEquals("mp4a.40.2", audio.codecString());
        assertFalse(gop.hasVideo());
    }

    @Test
    void videoFramesBecomeSamplesThatRunToTheDeclaredEnd() {
        List<FlvTag> tags = new ArrayList<>(List.of(avcHeader()));
        tags.add(avcFrame(0, true, 67, 100));
        tags.add(avcFrame(33, false, 67, 20));
        tags.add(avcFrame(67, false, 0, 30));
        GopSamples gop = FlvSampleMapper.map(tags, OptionalLong.of(100));
        assertEquals(List.of(0L, 2970L, 6030L), gop.video().stream().map(Sample::decodeTime).toList());
        assertEquals(List.of(2970, 3060, 2970), gop.video().stream().map(Sample::duration).toList());
        assertEquals(List.of(true, false, false), gop.video().stream().map(Sample::sync).toList());
        assertEquals(6030, gop.video().get(0).compositionOffset());
        assertEquals(100, gop.video().get(0).data().length, "the NAL units after the 5-byte tag header");
    }

    @Test
    void withoutAnEndTheLastVideoFrameLastsTheMedianGap() {
        List<FlvTag> tags = new ArrayList<>(List.of(avcHeader()));
        for (int t : new int[] {0, 40, 80, 120, 200}) {
            tags.add(avcFrame(t, t == 0, 0, 1));
        }
        GopSamples gop = FlvSampleMapper.map(tags, OptionalLong.empty());
        assertEquals(3600, gop.video().get(gop.video().size() - 1).duration());
    }

    @Test
    void lastAacFrameLastsOneFrameAndTwiceThatWithSbr() {
        GopSamples lc = FlvSampleMapper.map(List.of(aacHeader(ASC_LC), aacFrame(0), aacFrame(23)), OptionalLong.of(30));
        assertEquals(List.of(1014, 1024), lc.audio().stream().map(Sample::duration).toList());
        assertTrue(lc.audio().stream().allMatch(Sample::sync));

        GopSamples he = FlvSampleMapper.map(List.of(aacHeader(ASC_HE), aacFrame(0), aacFrame(46)), OptionalLong.empty());
        assertEquals(44_100, he.audioFormat().timescale(), "the SBR output rate");
        assertEquals("mp4a.40.5", he.audioFormat().codecString());
        assertEquals(List.of(2029, 2048), he.audio().stream().map(Sample::duration).toList());
    }

    @Test
    void opusSequenceStartBecomesDOpsAt48kHz() {
        byte[] opusHead = HexFormat.of().parseHex("4f707573486561640102380144ac0000000000"); // "OpusHead" v1 2ch
        byte[] header = concat(new byte[] {(byte) 0x90}, "Opus".getBytes(StandardCharsets.US_ASCII), opusHead);
        byte[] frame = concat(new byte[] {(byte) 0x91}, "Opus".getBytes(StandardCharsets.US_ASCII), new byte[] {1, 2, 3});
        GopSamples gop = FlvSampleMapper.map(List.of(new AudioTag(0, header), new AudioTag(20, frame)), OptionalLong.empty());
        OpusTrack opus = (OpusTrack) gop.audioFormat();
        assertEquals(2, opus.channels());
        assertEquals(312, opus.dOps().preSkip());
        assertEquals(44_100, opus.dOps().inputSampleRate());
        assertEquals(48_000, opus.timescale());
        assertEquals(960, gop.audio().get(0).duration());
        assertArrayEquals(new byte[] {1, 2, 3}, gop.audio().get(0).data());
    }

    @Test
    void aGopRecordGivesTheSameSamplesAsItsTagsWithTheSequenceHeadersFirst() {
        List<FlvTag> frames = List.of(avcFrame(1000, true, 0, 10), aacFrame(1005), avcFrame(1033, false, 0, 10));
        GopContent record = new GopContent(null, avcHeader(), aacHeader(ASC_LC), frames);
        List<FlvTag> flat = new ArrayList<>(List.of(avcHeader(), aacHeader(ASC_LC)));
        flat.addAll(frames);

        GopSamples fromRecord = FlvSampleMapper.map(record, OptionalLong.of(1067));
        GopSamples fromTags = FlvSampleMapper.map(flat, OptionalLong.of(1067));

        assertEquals(fromTags.videoFormat(), fromRecord.videoFormat());
        assertEquals(fromTags.audioFormat(), fromRecord.audioFormat());
        assertEquals(fromTags.video().stream().map(Sample::decodeTime).toList(),
                fromRecord.video().stream().map(Sample::decodeTime).toList());
        assertEquals(List.of(2970, 3060), fromRecord.video().stream().map(Sample::duration).toList());
        assertEquals(1, fromRecord.audio().size());
    }

    @Test
    void leavesOutAudioCmafDoesNotCarry() {
        byte[] mp3 = {0x2F, 1, 2, 3}; // SoundFormat 2 (MP3), 44 kHz, 16-bit, stereo
        GopSamples gop = FlvSampleMapper.map(List.of(avcHeader(), new AudioTag(0, mp3)), OptionalLong.empty());
        assertNull(gop.audioFormat());
        assertFalse(gop.hasAudio());
    }

    static VideoTag avcHeader() {
        return new VideoTag(0, concat(new byte[] {0x17, 0, 0, 0, 0}, AVCC));
    }

    static VideoTag avcFrame(long dts, boolean key, int cto, int size) {
        byte[] header = {(byte) (key ? 0x17 : 0x27), 1, (byte) (cto >> 16), (byte) (cto >> 8), (byte) cto};
        return new VideoTag(dts, concat(header, new byte[size]));
    }

    static AudioTag aacHeader(byte[] asc) {
        return new AudioTag(0, concat(new byte[] {(byte) 0xAF, 0}, asc));
    }

    static AudioTag aacFrame(long dts) {
        return new AudioTag(dts, new byte[] {(byte) 0xAF, 1, 0x21, 0x10});
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
