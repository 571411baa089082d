package io.tributary.transcode.cmaf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transcode.cmaf.box.BoxTree;
import io.tributary.transcode.cmaf.box.TrunBox;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CmafFragmenterTest {
    private static final long T0 = 0x1_0000_0000L; // a decode time past 32 bits: 'tfdt' must be version 1

    private static final List<Sample> GOP = List.of(
            new Sample(T0, 6000, true, 3000, bytes(100, 1)),
            new Sample(T0 + 3000, 6000, false, 3000, bytes(20, 2)),
            new Sample(T0 + 6000, -3000, false, 3000, bytes(30, 3)));

    @Test
    void writesStypMoofMdat() {
        CmafSegment s = CmafFragmenter.fragment(CmafInitSegmentWriterTest.AVC, 4, GOP);
        List<BoxTree.Node> top = BoxTree.parse(s.bytes());
        assertEquals(List.of("styp", "moof", "mdat"), top.stream().map(BoxTree.Node::type).toList());
        assertEquals(List.of("mfhd", "traf"), top.get(1).childTypes());
        assertEquals(List.of("tfhd", "tfdt", "trun"), top.get(1).child("traf").childTypes());
    }

    @Test
    void mfhdCountsFromOneAndTfdtIsTheFirstDecodeTime() {
        CmafSegment s = CmafFragmenter.fragment(CmafInitSegmentWriterTest.AVC, 4, GOP);
        BoxTree.Node moof = BoxTree.top(s.bytes(), "moof");
        assertEquals(5, moof.child("mfhd").u32(4));
        assertEquals(T0, moof.find("traf/tfdt").u64(4));
        assertEquals(T0, s.baseMediaDecodeTime());
        assertEquals(4, s.sequenceNumber());
    }

    @Test
    void dataOffsetPointsAtTheFirstSampleInMdat() {
        CmafSegment s = CmafFragmenter.fragment(CmafInitSegmentWriterTest.AVC, 0, GOP);
        BoxTree.Node moof = BoxTree.top(s.bytes(), "moof");
        BoxTree.Node mdat = BoxTree.top(s.bytes(), "mdat");
        int dataOffset = moof.find("traf/trun").i32(8);
        assertEquals(mdat.payloadOffset(), moof.offset() + dataOffset);
        byte[] payload = mdat.payload();
        assertArrayEquals(GOP.get(0).data(), Arrays.copyOfRange(payload, 0, 100));
        assertArrayEquals(GOP.get(2).data(), Arrays.copyOfRange(payload, 120, 150));
    }

    @Test
    void videoRunCarriesFlagsAndSignedCompositionOffsets() {
        BoxTree.Node trun = BoxTree.top(CmafFragmenter.fragment(CmafInitSegmentWriterTest.AVC, 0, GOP).bytes(), "moof")
                .find("traf/trun");
        assertEquals(0x01_000F01L, trun.u32(0), "version 1, all per-sample fields");
        assertEquals(3, trun.u32(4));
        assertEquals(0x0200_0000, trun.i32(12 + 8), "first sample sync");
        assertEquals(0x0101_0000, trun.i32(28 + 8), "second sample non-sync");
        assertEquals(-3000, trun.i32(44 + 12), "third composition offset");
    }

    @Test
    void audioRunLeavesFlagsAndOffsetsOut() {
        List<Sample> frames = List.of(new Sample(0, 0, true, 1024, bytes(6, 1)), new Sample(1024, 0, true, 1024, bytes(7, 2)));
        CmafSegment s = CmafFragmenter.fragment(CmafInitSegmentWriterTest.AAC, 0, frames);
        BoxTree.Node trun = BoxTree.top(s.bytes(), "moof").find("traf/trun");
        assertEquals(0x0100_0000L | TrunBox.DATA_OFFSET_PRESENT | TrunBox.SAMPLE_DURATION_PRESENT
                | TrunBox.SAMPLE_SIZE_PRESENT, trun.u32(0));
        assertEquals(36, trun.size());
    }

    @Test
    void reportsDurationTimescaleAndIndependence() {
        CmafSegment s = CmafFragmenter.fragment(CmafInitSegmentWriterTest.AVC, 0, GOP);
        assertEquals(9000, s.duration());
        assertEquals(90_000, s.timescale());
        assertEquals(T0 + 9000, s.endTime());
        assertEquals(Duration.ofMillis(100), s.mediaDuration());
        assertEquals(3, s.sampleCount());
        assertTrue(s.independent());
        assertFalse(CmafFragmenter.fragment(CmafInitSegmentWriterTest.AVC, 0, GOP.subList(1, 3)).independent());
    }

    @Test
    void rejectsSamplesThatDoNotTileTheTimeline() {
        List<Sample> gap = List.of(new Sample(0, 0, true, 3000, bytes(1, 1)), new Sample(3001, 0, false, 3000, bytes(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> CmafFragmenter.fragment(CmafInitSegmentWriterTest.AVC, 0, gap));
        assertThrows(IllegalArgumentException.class,
                () -> CmafFragmenter.fragment(CmafInitSegmentWriterTest.AVC, 0, List.of()));
    }

    private static byte[] bytes(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
