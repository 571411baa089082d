package io.tributary.transcode.cmaf;

import static io.tributary.transcode.cmaf.FlvSampleMapperTest.ASC_LC;
import static io.tributary.transcode.cmaf.FlvSampleMapperTest.aacFrame;
import static io.tributary.transcode.cmaf.FlvSampleMapperTest.aacHeader;
import static io.tributary.transcode.cmaf.FlvSampleMapperTest.avcFrame;
import static io.tributary.transcode.cmaf.FlvSampleMapperTest.avcHeader;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.flv.FlvTag;
import io.tributary.media.gop.GopContent;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class GopPackagerTest {

    private static GopContent gop(List<FlvTag> tags) {
        return new GopContent(null, avcHeader(), aacHeader(ASC_LC), tags);
    }

    @Test
    void givesTheVideoSegmentThenTheAudioSegmentNumberedWithTheRecord() {
        List<TrackSegment> tracks = GopPackager.pack(gop(List.of(avcFrame(2000, true, 0, 10), aacFrame(2000),
                avcFrame(2033, false, 0, 10), aacFrame(2023))), 2, OptionalLong.of(2067));

        assertEquals(2, tracks.size());
        assertTrue(tracks.get(0).isVideo());
        assertFalse(tracks.get(1).isVideo());
        assertEquals(2, tracks.get(0).segment().sequenceNumber());
        assertEquals(2, tracks.get(1).segment().sequenceNumber());
        assertEquals(180_000, tracks.get(0).segment().baseMediaDecodeTime(), "tfdt: 2 s on the 90 kHz clock");
        assertEquals(6030, tracks.get(0).segment().duration(), "up to the declared end, 2067 ms");
        assertEquals(88_200, tracks.get(1).segment().baseMediaDecodeTime(), "tfdt: 2 s at 44.1 kHz");
        assertTrue(tracks.get(0).segment().independent());
    }

    @Test
    void aTrackWithoutSamplesGivesNoSegment() {
        List<TrackSegment> audioOnly = GopPackager.pack(gop(List.of(aacFrame(0), aacFrame(23))), 0,
                OptionalLong.of(46));
        assertEquals(1, audioOnly.size());
        assertFalse(audioOnly.get(0).isVideo());

        assertEquals(List.of(), GopPackager.pack(new GopContent(null, avcHeader(), aacHeader(ASC_LC), List.of()), 9,
                OptionalLong.of(0)), "an end record without tags");
    }

    @Test
    void aReplayedRecordGivesTheSameBytes() {
        List<FlvTag> tags = List.of(avcFrame(1000, true, 0, 10), aacFrame(1000), avcFrame(1033, false, 33, 10));
        List<TrackSegment> once = GopPackager.pack(gop(tags), 1, OptionalLong.of(1067));
        List<TrackSegment> again = GopPackager.pack(gop(tags), 1, OptionalLong.of(1067));
        for (int i = 0; i < once.size(); i++) {
            assertArrayEquals(once.get(i).segment().bytes(), again.get(i).segment().bytes());
        }
    }
}
