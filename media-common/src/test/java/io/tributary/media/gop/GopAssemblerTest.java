package io.tributary.media.gop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.amf.AmfValue;
import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.FlvReader;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.ScriptDataTag;
import io.tributary.media.flv.VideoPacket;
import io.tributary.media.flv.VideoTag;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GopAssemblerTest {
    // legacy AVC: FrameType|CodecID 7, AVCPacketType, CompositionTime (3 bytes), data
    private static VideoTag avcHeader(long ts, int marker) {
        return new VideoTag(ts, new byte[] {0x17, 0, 0, 0, 0, 1, (byte) marker});
    }

    private static VideoTag key(long ts) {
        return new VideoTag(ts, new byte[] {0x17, 1, 0, 0, 0, 0, 0, 0, 1, 0x65});
    }

    private static VideoTag inter(long ts) {
        return new VideoTag(ts, new byte[] {0x27, 1, 0, 0, 0, 0, 0, 0, 1, 0x41});
    }

    // AAC: SoundFormat 10, 44 kHz, 16 bit, stereo; AACPacketType 0 = AudioSpecificConfig, 1 = raw
    private static AudioTag aacHeader(long ts) {
        return new AudioTag(ts, new byte[] {(byte) 0xAF, 0, 0x11, (byte) 0x90});
    }

    private static AudioTag aac(long ts) {
        return new AudioTag(ts, new byte[] {(byte) 0xAF, 1, 0x21, 0x10});
    }

    private static List<ClosedGop> feed(GopAssembler a, FlvTag... tags) {
        List<ClosedGop> out = new ArrayList<>();
        for (FlvTag t : tags) {
            a.accept(t).ifPresent(out::add);
        }
        return out;
    }

    @Test
    void cutsAtEachKeyframeWithTheAudioOfTheSpan() {
        GopAssembler a = new GopAssembler(2000, 10_000);
        List<ClosedGop> gops = feed(a, avcHeader(0, 1), aacHeader(0), key(0), aac(10), inter(33), aac(33), inter(66),
                key(100), aac(110), inter(133));
        assertEquals(1, gops.size());
        ClosedGop first = gops.get(0);
        assertEquals(0, first.startMillis());
        assertEquals(100, first.durationMillis());
        assertEquals(5, first.content().tags().size());
        assertFalse(first.continuation());
        assertTrue(first.content().videoSequenceHeader() != null && first.content().audioSequenceHeader() != null);

        ClosedGop last = a.finish().orElseThrow();
        assertEquals(100, last.startMillis());
        assertEquals(Math.max(133 + 33, 110 + 77) - 100, last.durationMillis(),
                "the stream ends with the later of its last video frame (133 + 33) and its last audio frame (110 + 110 - 33)");
        assertTrue(a.finish().isEmpty(), "nothing left after finish");
    }

    @Test
    void dropsVideoBeforeTheFirstKeyframeButKeepsAudio() {
        GopAssembler a = new GopAssembler(2000, 10_000);
        feed(a, avcHeader(0, 1), aacHeader(0), inter(0), aac(5), key(33), inter(66));
        List<FlvTag> tags = a.finish().orElseThrow().content().tags();
        assertEquals(3, tags.size());
        assertTrue(tags.get(0) instanceof AudioTag);
        assertTrue(VideoPacket.of((VideoTag) tags.get(1)).keyframe());
    }

    @Test
    void startsANewGopWhenTheVideoSequenceHeaderChanges() {
        GopAssembler a = new GopAssembler(2000, 10_000);
        List<ClosedGop> gops = feed(a, avcHeader(0, 1), key(0), inter(33), avcHeader(66, 2), key(66), inter(99));
        assertEquals(1, gops.size());
        assertEquals(1, gops.get(0).content().videoSequenceHeader().body()[6]);
        assertEquals(2, a.finish().orElseThrow().content().videoSequenceHeader().body()[6]);
    }

    @Test
    void repeatedIdenticalSequenceHeaderDoesNotCut() {
        GopAssembler a = new GopAssembler(2000, 10_000);
        assertTrue(feed(a, avcHeader(0, 1), key(0), inter(33), avcHeader(50, 1), inter(66)).isEmpty());
    }

    @Test
    void cutsAudioOnlyStreamsByDuration() {
        GopAssembler a = new GopAssembler(1000, 10_000);
        List<FlvTag> tags = new ArrayList<>(List.of(aacHeader(0)));
        for (long t = 0; t <= 2100; t += 21) {
            tags.add(aac(t));
        }
        List<ClosedGop> gops = feed(a, tags.toArray(FlvTag[]::new));
        assertEquals(2, gops.size());
        assertEquals(1008, gops.get(0).durationMillis());
        assertEquals(1008, gops.get(1).startMillis());
    }

    @Test
    void cutsARunawayGopAndMarksTheNextAsContinuation() {
        GopAssembler a = new GopAssembler(1000, 2000);
        List<FlvTag> tags = new ArrayList<>(List.of(avcHeader(0, 1), key(0)));
        for (long t = 40; t <= 4000; t += 40) {
            tags.add(inter(t));
        }
        List<ClosedGop> gops = feed(a, tags.toArray(FlvTag[]::new));
        assertEquals(2, gops.size());
        assertFalse(gops.get(0).continuation());
        assertTrue(gops.get(1).continuation());
        assertTrue(a.finish().orElseThrow().continuation());
    }

    @Test
    void onMetaDataAppliesToTheNextGop() {
        GopAssembler a = new GopAssembler(2000, 10_000);
        Map<String, AmfValue> props = new LinkedHashMap<>();
        props.put("width", AmfValue.number(640));
        AmfValue meta = new AmfValue.AmfEcmaArray(props);
        feed(a, ScriptDataTag.of(0, ScriptDataTag.ON_META_DATA, meta), avcHeader(0, 1), key(0));
        assertEquals(meta, a.finish().orElseThrow().content().onMetaData());
        assertEquals(meta, a.onMetaData().orElseThrow());
    }

    @Test
    void aRealRecordingBecomesOneGopPerKeyframeCoveringTheWholeStream() throws Exception {
        byte[] flv;
        try (InputStream in = getClass().getResourceAsStream("/vectors/rtmp/ffmpeg71-av1-aac.received.flv")) {
            flv = in.readAllBytes();
        }
        List<FlvTag> tags = new FlvReader(flv).readAll();
        long keyframes = tags.stream().filter(t -> t instanceof VideoTag v && VideoPacket.of(v).keyframe()).count();
        GopAssembler a = new GopAssembler(2000, 10_000);
        List<ClosedGop> gops = feed(a, tags.toArray(FlvTag[]::new));
        a.finish().ifPresent(gops::add);

        assertEquals(keyframes, gops.size());
        long end = gops.get(0).startMillis();
        for (ClosedGop g : gops) {
            assertEquals(end, g.startMillis(), "GOPs tile the timeline");
            end = g.startMillis() + g.durationMillis();
            FlvTag firstVideo = g.content().tags().stream().filter(t -> t instanceof VideoTag).findFirst().orElseThrow();
            assertTrue(VideoPacket.of((VideoTag) firstVideo).keyframe());
            GopContent back = GopRecordReader.read(GopRecordWriter.write(g.content()));
            assertEquals(g.content(), back);
        }
    }
}
