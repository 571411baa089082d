package io.tributary.media.gop;

import static io.tributary.media.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tributary.media.RecordedVectors;
import io.tributary.media.amf.AmfValue;
import io.tributary.media.amf.AmfValue.AmfEcmaArray;
import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.FlvReader;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.VideoTag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GopRecordTest {

    static final VideoTag VIDEO_SEQUENCE_HEADER = new VideoTag(0, bytes("17 00 000000 01"));
    static final AudioTag AUDIO_SEQUENCE_HEADER = new AudioTag(0, bytes("AF 00 1210"));

    static GopContent smallGop() {
        return new GopContent(new AmfEcmaArray(Map.of("width", AmfValue.number(320))), VIDEO_SEQUENCE_HEADER,
                AUDIO_SEQUENCE_HEADER, List.of(
                        new VideoTag(5000, bytes("17 01 000000 00000001 65")),
                        new AudioTag(5010, bytes("AF 01 21"))));
    }

    static final byte[] SMALL_GOP_RECORD = bytes(
            "464C5601", "05", "00000009", "00000000", // FLV header: audio and video; PreviousTagSize0
            "12", "000025", "00000000", "000000",   // script data, 37 bytes, timestamp 0
            "02 000A 6F6E4D65746144617461",         //   "onMetaData"
            "08 00000001 0005 7769647468",          //   ECMA array, 1 entry, "width"
            "00 4074000000000000 0000 09",          //   320, object-end
            "00000030",                             // PreviousTagSize 48
            "09", "000006", "00138800", "000000",   // video, 6 bytes, timestamp 5000 (the first media tag's)
            "17 00 000000 01",                      //   AVC sequence header (shortened)
            "00000011",                             // PreviousTagSize 17
            "08", "000004", "00138800", "000000",   // audio, 4 bytes, timestamp 5000
            "AF 00 1210",                           //   AAC sequence header
            "0000000F",                             // PreviousTagSize 15
            "09", "00000A", "00138800", "000000",   // video, 10 bytes, timestamp 5000: not rebased
            "17 01 000000 00000001 65",             //   keyframe, one NAL unit
            "00000015",                             // PreviousTagSize 21
            "08", "000003", "00139200", "000000",   // audio, 3 bytes, timestamp 5010
            "AF 01 21",                             //   AAC frame
            "0000000E");                            // PreviousTagSize 14

    @Test
    void writesTheRecordByteForByte() {
        assertArrayEquals(SMALL_GOP_RECORD, GopRecordWriter.write(smallGop()));
    }

    @Test
    void readsTheRecordBack() {
        GopContent read = GopRecordReader.read(SMALL_GOP_RECORD);
        assertEquals(smallGop(), read);
        assertEquals(5000, read.videoSequenceHeader().timestamp());
        assertEquals(5000, read.mediaStartMillis());
    }

    @ParameterizedTest
    @ValueSource(strings = {RecordedVectors.FFMPEG_H264_AAC, RecordedVectors.FFMPEG_HEVC_AAC,
            RecordedVectors.FFMPEG_AV1_AAC, RecordedVectors.GSTREAMER_H264_AAC})
    void everyRecordedGopIsReadBackEqual(String vector) {
        List<GopContent> gops = GopSplitter.split(new FlvReader(RecordedVectors.receivedFlv(vector)).readAll());
        assertTrue(gops.size() >= 3, "GOPs: " + gops.size());
        for (GopContent gop : gops) {
            byte[] record = GopRecordWriter.write(gop);
            assertEquals(gop, GopRecordReader.read(record));
            assertTrue(((VideoTag) gop.tags().get(0)).packet().keyframe());
            assertEquals(0x05, record[4], "FLV header says audio and video");
        }
    }

    @Test
    void dropsFilePropertiesFromOnMetaData() {
        Map<String, AmfValue> meta = new LinkedHashMap<>();
        meta.put("duration", AmfValue.number(4.077));
        meta.put("width", AmfValue.number(640));
        meta.put("filesize", AmfValue.number(455648));
        GopContent gop = new GopContent(new AmfEcmaArray(meta), VIDEO_SEQUENCE_HEADER, null, List.of());
        assertEquals(new AmfEcmaArray(Map.of("width", AmfValue.number(640))), gop.onMetaData());
    }

    @Test
    void writesAnAudioOnlyRecord() {
        GopContent gop = new GopContent(null, null, AUDIO_SEQUENCE_HEADER, List.of(
                new AudioTag(700, bytes("AF 01 21")), new AudioTag(721, bytes("AF 01 22"))));
        byte[] record = GopRecordWriter.write(gop);
        assertEquals(0x04, record[4], "FLV header says audio only");
        assertFalse(gop.hasVideo());
        assertEquals(gop, GopRecordReader.read(record));
        assertEquals(700, GopRecordReader.read(record).audioSequenceHeader().timestamp());
    }

    @Test
    void writesTheLastRecordOfASessionWithoutTags() {
        GopContent last = new GopContent(null, new VideoTag(9000, VIDEO_SEQUENCE_HEADER.body()),
                AUDIO_SEQUENCE_HEADER, List.of());
        assertEquals(9000, last.audioSequenceHeader().timestamp());
        assertEquals(last, GopRecordReader.read(GopRecordWriter.write(last)));
        GopContent empty = new GopContent(null, null, null, List.of());
        assertEquals(empty, GopRecordReader.read(GopRecordWriter.write(empty)));
    }

    @Test
    void refusesContentThatWouldReadBackDifferently() {
        assertThrows(IllegalArgumentException.class,
                () -> new GopContent(null, null, null, List.of(new VideoTag(0, VIDEO_SEQUENCE_HEADER.body()))));
        assertThrows(IllegalArgumentException.class,
                () -> new GopContent(null, VIDEO_SEQUENCE_HEADER, null,
                        List.of(new AudioTag(0, AUDIO_SEQUENCE_HEADER.body()))));
        assertThrows(IllegalArgumentException.class, () -> new GopContent(null, null, null,
                List.of(io.tributary.media.flv.ScriptDataTag.of(0, "onMetaData", new AmfEcmaArray(Map.of())))));
        assertThrows(IllegalArgumentException.class,
                () -> new GopContent(null, new VideoTag(0, bytes("27 01 000000")), null, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new GopContent(AmfValue.string("meta"), null, null, List.of()));
    }

    @Test
    void rejectsWhatIsNotAGopRecord() {
        assertThrows(GopRecordException.class, () -> GopRecordReader.read(new byte[0]));
        assertThrows(GopRecordException.class, () -> GopRecordReader.read(bytes("464C5601 05 00000009 00000001")));
        byte[] metaNotAnArray = new io.tributary.media.flv.FlvWriter(new io.tributary.media.flv.FlvHeader(false, false))
                .write(io.tributary.media.flv.ScriptDataTag.of(0, "onMetaData", AmfValue.number(1))).toByteArray();
        assertThrows(GopRecordException.class, () -> GopRecordReader.read(metaNotAnArray));
    }

    @Test
    void damagedRecordsGiveContentOrGopRecordException() {
        byte[] real = GopRecordWriter.write(GopSplitter.split(
                new FlvReader(RecordedVectors.receivedFlv(RecordedVectors.FFMPEG_HEVC_AAC)).readAll()).get(1));
        for (byte[] record : List.of(SMALL_GOP_RECORD, real)) {
            int step = Math.max(1, record.length / 1500);
            for (int cut = 0; cut < record.length; cut += step) {
                readOrFail(java.util.Arrays.copyOf(record, cut), "cut at " + cut);
            }
            byte[] b = record.clone();
            for (int i = 0; i < Math.min(b.length, 3000); i++) {
                byte old = b[i];
                b[i] = (byte) (old ^ 0x5A);
                readOrFail(b, "byte " + i);
                b[i] = old;
            }
        }
    }

    private static void readOrFail(byte[] record, String what) {
        try {
            GopRecordReader.read(record);
        } catch (GopRecordException expected) {
            // the one allowed failure
        } catch (RuntimeException e) {
            fail(what + ": " + e, e);
        }
    }

    @Test
    void splitsALargeGopIntoSelfContainedParts() {
        GopContent gop = GopSplitter.split(
                new FlvReader(RecordedVectors.receivedFlv(RecordedVectors.FFMPEG_H264_AAC)).readAll()).get(0);
        int limit = 20_000;
        List<GopRecordPart> parts = GopRecordWriter.writeParts(gop, limit);
        assertTrue(parts.size() > 3, "parts: " + parts.size());
        List<FlvTag> tags = new ArrayList<>();
        for (GopRecordPart part : parts) {
            assertTrue(part.value().length <= limit, "part of " + part.value().length + " bytes");
            GopContent read = GopRecordReader.read(part.value());
            assertEquals(gop.onMetaData(), read.onMetaData());
            assertEquals(gop.videoSequenceHeader().body().length, read.videoSequenceHeader().body().length);
            assertEquals(read.mediaStartMillis(), part.mediaStartMillis(), "the part is dated by its first tag");
            tags.addAll(read.tags());
        }
        assertEquals(gop.tags(), tags);
        assertEquals(gop.mediaStartMillis(), parts.get(0).mediaStartMillis());
        assertEquals(List.of(GopRecordWriter.write(gop)).get(0).length,
                GopRecordWriter.writeParts(gop, Integer.MAX_VALUE).get(0).value().length);
        assertThrows(IllegalArgumentException.class, () -> GopRecordWriter.writeParts(gop, 2_000));
    }
}
