package io.tributary.transcode.cmaf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.transcode.cmaf.box.BoxTree;
import io.tributary.transcode.cmaf.box.DopsBox;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class CmafInitSegmentWriterTest {
    static final byte[] AVCC = HexFormat.of().parseHex("0164001fffe1000467640d0001000468ebe3cb");
    static final AvcTrack AVC = AvcTrack.of(AVCC, 1280, 720);
    static final AacTrack AAC = new AacTrack(HexFormat.of().parseHex("1210"), 44_100, 2, "mp4a.40.2");

    @Test
    void writesFtypThenOneTrackMoovWithMvex() {
        byte[] init = CmafInitSegmentWriter.write(AVC);
        List<BoxTree.Node> top = BoxTree.parse(init);
        assertEquals(List.of("ftyp", "moov"), top.stream().map(BoxTree.Node::type).toList());
        BoxTree.Node moov = top.get(1);
        assertEquals(List.of("mvhd", "trak", "mvex"), moov.childTypes());
        assertEquals(List.of("tkhd", "mdia"), moov.child("trak").childTypes());
        assertEquals(List.of("mdhd", "hdlr", "minf"), moov.find("trak/mdia").childTypes());
        assertEquals(List.of("vmhd", "dinf", "stbl"), moov.find("trak/mdia/minf").childTypes());
        assertEquals(List.of("stsd", "stts", "stsc", "stsz", "stco"), moov.find("trak/mdia/minf/stbl").childTypes());
        assertEquals(List.of("trex"), moov.child("mvex").childTypes());
    }

    @Test
    void declaresTheCmafBrands() {
        BoxTree.Node ftyp = BoxTree.top(CmafInitSegmentWriter.write(AAC), "ftyp");
        assertEquals("iso6" + "\0\0\0\0" + "iso6cmfcmp41", new String(ftyp.payload(), StandardCharsets.US_ASCII));
    }

    @Test
    void videoTrackIsTrackOneAt90kHzWithItsSizeAndAvcC() {
        BoxTree.Node moov = BoxTree.top(CmafInitSegmentWriter.write(AVC), "moov");
        assertEquals(2, moov.child("mvhd").u32(96), "next_track_ID");
        assertEquals(1, moov.child("trak").child("tkhd").u32(12), "track_ID");
        assertEquals(1280L << 16, moov.find("trak/tkhd").u32(76), "width 16.16");
        assertEquals(720L << 16, moov.find("trak/tkhd").u32(80), "height 16.16");
        assertEquals(90_000, moov.find("trak/mdia/mdhd").u32(12), "timescale");
        assertEquals("vide", fourCc(moov.find("trak/mdia/hdlr").u32(8)));
        BoxTree.Node avc1 = moov.find("trak/mdia/minf/stbl/stsd/avc1");
        assertArrayEquals(AVCC, avc1.child("avcC").payload());
        assertEquals(List.of("avcC", "pasp"), avc1.childTypes());
        assertEquals(1, moov.find("mvex/trex").u32(4), "trex track_ID");
    }

    @Test
    void audioTrackTimescaleIsItsSampleRate() {
        BoxTree.Node moov = BoxTree.top(CmafInitSegmentWriter.write(AAC), "moov");
        assertEquals(44_100, moov.find("trak/mdia/mdhd").u32(12));
        assertEquals("soun", fourCc(moov.find("trak/mdia/hdlr").u32(8)));
        assertEquals(List.of("smhd", "dinf", "stbl"), moov.find("trak/mdia/minf").childTypes());
        assertEquals(List.of("esds"), moov.find("trak/mdia/minf/stbl/stsd/mp4a").childTypes());
        assertEquals(0x0100, moov.find("trak/tkhd").u32(36) >>> 16, "volume 1.0");
    }

    @Test
    void opusTrackRunsAt48kHzWithDOps() {
        OpusTrack opus = new OpusTrack(DopsBox.family0(2, 312, 44_100, 0));
        BoxTree.Node moov = BoxTree.top(CmafInitSegmentWriter.write(opus), "moov");
        assertEquals(48_000, moov.find("trak/mdia/mdhd").u32(12));
        assertEquals(List.of("dOps"), moov.find("trak/mdia/minf/stbl/stsd/Opus").childTypes());
        assertEquals("opus", opus.codecString());
    }

    @Test
    void hevcAndAv1UseHvc1AndAv01Entries() {
        byte[] hvcc = new byte[23];
        hvcc[0] = 1;
        HevcTrack hevc = new HevcTrack(hvcc, 1920, 1080, "hvc1.1.6.L120.90");
        assertArrayEquals(hvcc, BoxTree.top(CmafInitSegmentWriter.write(hevc), "moov")
                .find("trak/mdia/minf/stbl/stsd/hvc1/hvcC").payload());
        byte[] av1c = HexFormat.of().parseHex("81080c00");
        Av1Track av1 = new Av1Track(av1c, 1920, 1080, "av01.0.08M.08");
        assertArrayEquals(av1c, BoxTree.top(CmafInitSegmentWriter.write(av1), "moov")
                .find("trak/mdia/minf/stbl/stsd/av01/av1C").payload());
    }

    @Test
    void sameFormatAlwaysGivesTheSameBytes() {
        assertArrayEquals(CmafInitSegmentWriter.write(AVC), CmafInitSegmentWriter.write(AvcTrack.of(AVCC.clone(), 1280, 720)));
        assertEquals(AVC, AvcTrack.of(AVCC.clone(), 1280, 720));
    }

    @Test
    void derivesTheAvcCodecStringFromTheRecord() {
        assertEquals("avc1.64001f", AVC.codecString());
    }

    private static String fourCc(long v) {
        return new String(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v},
                StandardCharsets.US_ASCII);
    }
}
