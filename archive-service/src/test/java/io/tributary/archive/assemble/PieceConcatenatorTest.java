package io.tributary.archive.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.FlvFormatException;
import io.tributary.media.flv.FlvHeader;
import io.tributary.media.flv.FlvReader;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.FlvWriter;
import io.tributary.media.flv.ScriptDataTag;
import io.tributary.media.flv.VideoTag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PieceConcatenatorTest {
    private static final VideoTag AVC_CONFIG = video(0, new byte[] {
            0x17,             // FrameType 1 (key), CodecID 7 (AVC)
            0x00,             // AVCPacketType 0: sequence header
            0x00, 0x00, 0x00, // CompositionTime 0
            0x01, 0x64, 0x00, 0x1F}); // start of an AVCDecoderConfigurationRecord
    private static final AudioTag AAC_CONFIG = new AudioTag(0, new byte[] {
            (byte) 0xAF,      // SoundFormat 10 (AAC), 44 kHz, 16-bit, stereo
            0x00,             // AACPacketType 0: sequence header
            0x11, (byte) 0x90}); // AudioSpecificConfig: AAC-LC, 48 kHz, stereo

    private static VideoTag video(long ts, byte[] body) {
        return new VideoTag(ts, body);
    }

    /** A coded AVC frame at decode time {@code dts}, shown {@code cts} ms later. */
    private static VideoTag frame(long dts, int cts, boolean key) {
        return video(dts, new byte[] {
                (byte) (key ? 0x17 : 0x27), // FrameType 1 or 2, CodecID 7
                0x01,                       // AVCPacketType 1: NALU
                (byte) (cts >> 16), (byte) (cts >> 8), (byte) cts, // SI24 CompositionTime
                0x00, 0x00, 0x00, 0x01, 0x65}); // one length-prefixed NAL unit
    }

    private static AudioTag aac(long ts) {
        return new AudioTag(ts, new byte[] {(byte) 0xAF, 0x01, 0x21, 0x10});
    }

    private static byte[] piece(FlvTag... tags) {
        FlvWriter w = new FlvWriter(new FlvHeader(true, true));
        w.write(ScriptDataTag.of(0, ScriptDataTag.ON_META_DATA));
        for (FlvTag t : tags) {
            w.write(t);
        }
        return w.toByteArray();
    }

    private static List<FlvTag> join(byte[]... pieces) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PieceConcatenator c = new PieceConcatenator(out)) {
            for (byte[] p : pieces) {
                c.append(p);
            }
        }
        return new FlvReader(out.toByteArray()).readAll();
    }

    @Test
    void keepsEveryMediaTagAtItsTimestampAndTheConfigurationsOnce() throws IOException {
        List<FlvTag> joined = join(
                piece(AVC_CONFIG, AAC_CONFIG, frame(10_000, 67, true), aac(10_000), frame(10_033, 0, false)),
                piece(new VideoTag(10_067, AVC_CONFIG.body()), new AudioTag(10_067, AAC_CONFIG.body()),
                        frame(10_067, 67, true), aac(10_021)));

        assertEquals(List.of(AVC_CONFIG, AAC_CONFIG, frame(10_000, 67, true), aac(10_000), frame(10_033, 0, false),
                frame(10_067, 67, true), aac(10_021)), joined);
    }

    @Test
    void writesAChangedConfigurationWhereItChanges() throws IOException {
        VideoTag other = video(2_000, new byte[] {0x17, 0x00, 0x00, 0x00, 0x00, 0x01, 0x4D, 0x00, 0x28});
        List<FlvTag> joined = join(piece(AVC_CONFIG, frame(0, 0, true)), piece(other, frame(2_000, 0, true)));
        assertEquals(List.of(AVC_CONFIG, frame(0, 0, true), other, frame(2_000, 0, true)), joined);
    }

    @Test
    void movesADecodeTimestampThatDoesNotRiseAndKeepsItsPresentationTime() throws IOException {
        // a variable-frame-rate source: the next piece's first decode time lands on the previous piece's last
        List<FlvTag> joined = join(piece(AVC_CONFIG, frame(1_000, 0, true), frame(1_033, 33, false)),
                piece(AVC_CONFIG, frame(1_032, 68, true), frame(1_066, 0, false)));
        assertEquals(List.of(AVC_CONFIG, frame(1_000, 0, true), frame(1_033, 33, false),
                frame(1_034, 66, true), frame(1_066, 0, false)), joined);
    }

    @Test
    void refusesAPieceThatIsNotFlv() {
        assertThrows(FlvFormatException.class, () -> join(new byte[] {'M', 'P', '4', 0, 0, 0, 0, 0, 0}));
    }
}
