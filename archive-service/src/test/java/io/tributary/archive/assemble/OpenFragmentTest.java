package io.tributary.archive.assemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.media.codec.AudioCodec;
import io.tributary.media.codec.VideoCodec;
import io.tributary.media.flv.AudioPacket;
import io.tributary.media.flv.VideoPacket;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fragment opened before its successor is known, its samples' bytes set aside meanwhile (issue 10). */
class OpenFragmentTest {
    private static final VideoPacket AVC_CONFIG = new VideoPacket(VideoCodec.AVC, VideoPacket.Kind.SEQUENCE_HEADER,
            false, 0, 0, InitSegmentWriterTest.AVC_C);
    private static final AudioPacket AAC_CONFIG = new AudioPacket(AudioCodec.AAC, AudioPacket.Kind.SEQUENCE_HEADER, 0,
            InitSegmentWriterTest.ASC);

    /** Decode order I P B; audio from 46 ms; samples of distinct bytes, so that their order in mdat shows. */
    private static final PieceSamples FIRST = new PieceSamples(AVC_CONFIG, AAC_CONFIG,
            List.of(frame(0, 67, true, 0x65, 1), frame(33, 100, false, 0x41, 2), frame(67, 0, false, 0x01, 3)),
            List.of(aac(46, 0x21), aac(67, 0x22), aac(89, 0x23)));
    private static final PieceSamples SECOND = new PieceSamples(AVC_CONFIG, AAC_CONFIG,
            List.of(frame(100, 67, true, 0x65, 4)), List.of(aac(110, 0x24)));
    /** A successor without audio: the first piece's last AAC frame lasts as the session's last. */
    private static final PieceSamples VIDEO_ONLY = new PieceSamples(AVC_CONFIG, null,
            List.of(frame(100, 67, true, 0x65, 5)), List.of());

    private final ArchiveFragmenter fragmenter = ArchiveFragmenter.forFirstPiece(FIRST);

    @Test
    void writesTheBytesOfTheFragmentMadeWithItsSuccessorFromItsHeaderAndTheSamplesSetAside() throws Exception {
        for (PieceSamples next : Arrays.asList(SECOND, VIDEO_ONLY, null)) {
            byte[] whole = Mp4Boxes.written(fragmenter.fragment(7, fragmenter.open(FIRST), PieceStart.of(next)));

            OpenFragment open = fragmenter.open(FIRST);
            ByteArrayOutputStream aside = new ByteArrayOutputStream();
            open.writeMediaTo(aside);
            ArchiveFragmenter.Fragment closed = fragmenter.fragment(7, open.withoutData(), PieceStart.of(next));
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            written.write(closed.header());
            aside.writeTo(written);

            assertArrayEquals(whole, written.toByteArray(), "next: " + next);
            assertEquals(aside.size(), open.mediaBytes());
            assertEquals(fragmenter.fragment(7, fragmenter.open(FIRST), PieceStart.of(next)).endMillis(),
                    closed.endMillis());
        }
    }

    @Test
    void keepsNoSampleBytesOnceTheyAreSetAside() {
        OpenFragment bare = fragmenter.open(FIRST).withoutData();

        for (OpenFragment.Run run : bare.runs()) {
            run.run().samples().forEach(s -> assertNull(s.data()));
        }
        assertEquals(3 * 5 + 3, bare.mediaBytes(), "their sizes are kept: the moof says them");
        assertThrows(IllegalStateException.class, () -> bare.writeMediaTo(new ByteArrayOutputStream()));
    }

    @Test
    void saysWhereItsPieceStartsForThePieceBeforeIt() {
        assertEquals(new PieceStart(100L, 110L), fragmenter.open(SECOND).start());
        assertEquals(new PieceStart(100L, null), fragmenter.open(VIDEO_ONLY).start());
    }

    private static VideoPacket frame(long dts, int compositionTime, boolean key, int nal, int tag) {
        return new VideoPacket(VideoCodec.AVC, VideoPacket.Kind.CODED_FRAMES, key, dts, compositionTime,
                new byte[] {0, 0, 1, (byte) nal, (byte) tag});
    }

    private static AudioPacket aac(long dts, int value) {
        return new AudioPacket(AudioCodec.AAC, AudioPacket.Kind.CODED_FRAMES, dts, new byte[] {(byte) value});
    }
}
