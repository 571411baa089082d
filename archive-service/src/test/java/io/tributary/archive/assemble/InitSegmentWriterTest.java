package io.tributary.archive.assemble;

import static io.tributary.archive.assemble.FragmentWriterTest.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.media.codec.AudioSpecificConfig;
import io.tributary.media.codec.AvcDecoderConfigurationRecord;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InitSegmentWriterTest {
    /** An AVCDecoderConfigurationRecord libx264 wrote for 640x360 High@3.0. */
    static final byte[] AVC_C = hex("0164001effe1001a6764001eacd940a02ff970110000030001000003003c0f162d9601000468ef8fcbfdf8f800");
    /** AudioSpecificConfig: AAC-LC (2), 48 kHz (index 3), stereo. */
    static final byte[] ASC = hex("1190");

    static final ArchiveTracks BOTH = new ArchiveTracks(
            new ArchiveTracks.Video(AvcDecoderConfigurationRecord.parse(AVC_C)),
            new ArchiveTracks.Audio(AudioSpecificConfig.parse(ASC)));

    /** One table: (case, box path, expected bytes) of the init segment of {@link #BOTH} with a 46 ms video edit. */
    static Stream<Arguments> boxes() {
        return Stream.of(
                Arguments.of("ftyp", new String[] {"ftyp"}, hex("""
                        00000020 66747970  -- ftyp, 32 bytes
                        69736f36           -- major_brand iso6
                        00000000           -- minor_version
                        69736f36 69736f6d  -- compatible: iso6 isom
                        6d703431 61766331  -- mp41 avc1
                        """)),
                Arguments.of("video edit list", new String[] {"moov", "trak", "edts", "elst"}, hex("""
                        0000001c 656c7374 00000000  -- elst, version 0
                        00000001                    -- entry_count 1
                        00000000                    -- segment_duration 0: the whole (fragmented) track
                        0000102c                    -- media_time 4140 ticks = 46 ms at 90 kHz
                        0001 0000                   -- media_rate 1.0
                        """)),
                Arguments.of("trex of both tracks", new String[] {"moov", "mvex", "trex"}, hex("""
                        00000020 74726578 00000000  -- trex, version 0
                        00000001                    -- track_ID 1
                        00000001                    -- default_sample_description_index
                        00000000 00000000 00000000  -- default duration, size, flags
                        00000020 74726578 00000000  -- trex
                        00000002                    -- track_ID 2
                        00000001
                        00000000 00000000 00000000
                        """)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boxes")
    void writesTheBoxFieldByField(String name, String[] path, byte[] expected) {
        byte[] init = InitSegmentWriter.write(BOTH, 4140);
        byte[] actual = Mp4Boxes.all(init, path).stream().reduce(new byte[0], InitSegmentWriterTest::concat);
        assertArrayEquals(expected, actual);
    }

    @Test
    void writesTheEsdsAroundTheAudioSpecificConfig() {
        byte[] init = InitSegmentWriter.write(BOTH, 0);
        byte[] stsd = Mp4Boxes.all(init, "moov", "trak", "mdia", "minf", "stbl", "stsd").get(1);
        byte[] expected = hex("""
                00000027 65736473 00000000  -- esds, 39 bytes, version 0
                03 19 0000 00               -- ES_Descriptor, 25 bytes: ES_ID 0, no flags
                04 11                       -- DecoderConfigDescriptor, 17 bytes
                40                          -- objectTypeIndication: MPEG-4 audio
                15                          -- streamType 5 (audio) << 2 | reserved 1
                000000 00000000 00000000    -- bufferSizeDB, maxBitrate, avgBitrate
                05 02 1190                  -- DecoderSpecificInfo: the AudioSpecificConfig
                06 01 02                    -- SLConfigDescriptor, predefined 2
                """);
        assertArrayEquals(expected, Arrays.copyOfRange(stsd, stsd.length - expected.length, stsd.length));
    }

    @Test
    void carriesTheVideoConfigurationRecordAsTheSequenceHeaderHadIt() {
        byte[] init = InitSegmentWriter.write(BOTH, 0);
        byte[] videoStsd = Mp4Boxes.all(init, "moov", "trak", "mdia", "minf", "stbl", "stsd").get(0);
        byte[] tail = Arrays.copyOfRange(videoStsd, videoStsd.length - AVC_C.length - 8, videoStsd.length);
        assertArrayEquals(concat(hex("00000035 61766343"), AVC_C), tail, "avcC box at the end");
    }

    @Test
    void timesVideoAt90KhzAndAudioAtItsSampleRate() {
        byte[] init = InitSegmentWriter.write(BOTH, 0);
        List<byte[]> mdhd = Mp4Boxes.all(init, "moov", "trak", "mdia", "mdhd");
        assertEquals(90_000, ByteBuffer.wrap(mdhd.get(0), 20, 4).getInt());
        assertEquals(48_000, ByteBuffer.wrap(mdhd.get(1), 20, 4).getInt());
        List<byte[]> tkhd = Mp4Boxes.all(init, "moov", "trak", "tkhd");
        assertEquals(640, ByteBuffer.wrap(tkhd.get(0), 84, 4).getInt() >>> 16, "width");
        assertEquals(360, ByteBuffer.wrap(tkhd.get(0), 88, 4).getInt() >>> 16, "height");
        assertEquals(List.of("ftyp", "moov"), Mp4Boxes.topLevelTypes(init));
    }

    @Test
    void anAudioOnlySessionHasOneTrackAndNoEditList() {
        byte[] init = InitSegmentWriter.write(new ArchiveTracks(null, BOTH.audio()), 0);
        assertEquals(1, Mp4Boxes.all(init, "moov", "trak").size());
        assertEquals(0, Mp4Boxes.all(init, "moov", "trak", "edts").size());
        assertEquals(2, ByteBuffer.wrap(Mp4Boxes.one(init, "moov", "mvex", "trex"), 12, 4).getInt());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
