package io.tributary.ingest.gop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Enhanced RTMP v2 multitrack and ModEx bodies reduced to the default track (Enhanced RTMP v2, "Enhanced Video/Audio"). */
class DefaultTrackFilterTest {

    /** One case: the body as sent, and what the GOP record carries (null: nothing). */
    record Case(String name, boolean video, byte[] in, byte[] out, Set<Integer> dropped) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("legacy AVC keyframe passes unchanged", true, bytes(
                        0x17,                   // FrameType 1 (key), CodecID 7 (AVC)
                        0x01,                   // AVCPacketType 1 (NALU)
                        0x00, 0x00, 0x00,       // CompositionTime 0
                        0xAA), same(), Set.of()),
                new Case("plain ExHeader HEVC passes unchanged", true, bytes(
                        0x91,                   // IsExHeader, FrameType 1, PacketType 1 (CodedFrames)
                        'h', 'v', 'c', '1',     // FourCC
                        0x00, 0x00, 0x00,       // CompositionTime 0
                        0xAA), same(), Set.of()),
                new Case("multitrack OneTrack becomes a plain body", true, bytes(
                        0x96,                   // IsExHeader, FrameType 1, PacketType 6 (Multitrack)
                        0x01,                   // AvMultitrackType 0 (OneTrack), PacketType 1 (CodedFrames)
                        'h', 'v', 'c', '1',     // FourCC of all tracks
                        0x00,                   // trackId 0
                        0x00, 0x00, 0x00,       // CompositionTime 0
                        0xAA, 0xBB), bytes(
                        0x91,                   // IsExHeader, FrameType 1, PacketType 1
                        'h', 'v', 'c', '1',
                        0x00, 0x00, 0x00,
                        0xAA, 0xBB), Set.of()),
                new Case("multitrack ManyTracks keeps track 0 wherever it is", true, bytes(
                        0x96,                   // Multitrack
                        0x11,                   // ManyTracks, CodedFrames
                        'h', 'v', 'c', '1',
                        0x01,                   // trackId 1
                        0x00, 0x00, 0x05,       // sizeOfVideoTrack 5
                        0x00, 0x00, 0x00, 0xCC, 0xDD,
                        0x00,                   // trackId 0
                        0x00, 0x00, 0x05,       // sizeOfVideoTrack 5
                        0x00, 0x00, 0x00, 0xAA, 0xBB), bytes(
                        0x91,
                        'h', 'v', 'c', '1',
                        0x00, 0x00, 0x00, 0xAA, 0xBB), Set.of(1)),
                new Case("multitrack ManyTracksManyCodecs takes track 0's own FourCC", true, bytes(
                        0xA6,                   // FrameType 2 (inter), Multitrack
                        0x21,                   // ManyTracksManyCodecs, CodedFrames
                        'a', 'v', '0', '1',     // track's FourCC
                        0x00,                   // trackId 0
                        0x00, 0x00, 0x02,       // size 2 (AV1 CodedFrames carry no CompositionTime)
                        0xAA, 0xBB,
                        'h', 'v', 'c', '1',
                        0x02,                   // trackId 2
                        0x00, 0x00, 0x04,
                        0x00, 0x00, 0x00, 0xCC), bytes(
                        0xA1,                   // IsExHeader, FrameType 2, CodedFrames
                        'a', 'v', '0', '1',
                        0xAA, 0xBB), Set.of(2)),
                new Case("multitrack without track 0 carries nothing", true, bytes(
                        0x96,
                        0x11,                   // ManyTracks, CodedFrames
                        'h', 'v', 'c', '1',
                        0x03,                   // trackId 3
                        0x00, 0x00, 0x04,
                        0x00, 0x00, 0x00, 0xCC), null, Set.of(3)),
                new Case("ModEx prelude is removed", true, bytes(
                        0x97,                   // IsExHeader, FrameType 1, PacketType 7 (ModEx)
                        0x02,                   // modExDataSize - 1: 3 bytes
                        0x00, 0x01, 0x02,       // TimestampOffsetNano UI24
                        0x01,                   // ModExType 0 (TimestampOffsetNano), PacketType 1
                        'h', 'v', 'c', '1',
                        0x00, 0x00, 0x00,
                        0xAA), bytes(
                        0x91,
                        'h', 'v', 'c', '1',
                        0x00, 0x00, 0x00,
                        0xAA), Set.of()),
                new Case("legacy AAC passes unchanged", false, bytes(
                        0xAF,                   // SoundFormat 10 (AAC), 44 kHz, 16-bit, stereo
                        0x01,                   // AACPacketType 1 (raw)
                        0xAA), same(), Set.of()),
                new Case("audio multitrack OneTrack Opus becomes a plain body", false, bytes(
                        0x95,                   // SoundFormat 9 (ExHeader), AudioPacketType 5 (Multitrack)
                        0x01,                   // OneTrack, CodedFrames
                        'O', 'p', 'u', 's',
                        0x00,                   // trackId 0
                        0xAA, 0xBB), bytes(
                        0x91,                   // SoundFormat 9, CodedFrames
                        'O', 'p', 'u', 's',
                        0xAA, 0xBB), Set.of()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reducesABodyToItsDefaultTrack(Case c) {
        DefaultTrackFilter filter = new DefaultTrackFilter();
        Optional<byte[]> out = c.video() ? filter.video(c.in()) : filter.audio(c.in());
        if (c.out() == null) {
            assertTrue(out.isEmpty(), "no default track");
        } else if (c.out().length == 0) {
            assertSame(c.in(), out.orElseThrow(), "unchanged bodies are not copied");
        } else {
            assertArrayEquals(c.out(), out.orElseThrow());
        }
        assertEquals(c.dropped(), c.video() ? filter.droppedVideoTracks() : filter.droppedAudioTracks());
        assertEquals(!c.dropped().isEmpty(), filter.droppedTracks());
    }

    @Test
    void rejectsATrackSizeBeyondTheBody() {
        byte[] body = bytes(
                0x96,
                0x11,                           // ManyTracks, CodedFrames
                'h', 'v', 'c', '1',
                0x00,                           // trackId 0
                0x00, 0x00, 0x09,               // sizeOfVideoTrack 9, but 1 byte follows
                0xAA);
        assertThrows(MalformedMediaException.class, () -> new DefaultTrackFilter().video(body));
    }

    @Test
    void rejectsEveryTruncationOfAMultitrackBody() {
        List<Case> multitrack = cases().filter(c -> c.name().startsWith("multitrack ManyTracks")).toList();
        for (Case c : multitrack) {
            for (int n = 1; n < c.in().length; n++) {
                byte[] cut = Arrays.copyOf(c.in(), n);
                try {
                    new DefaultTrackFilter().video(cut);
                } catch (MalformedMediaException expected) {
                    // the only failure allowed
                }
            }
        }
    }

    private static byte[] same() {
        return new byte[0];
    }

    private static byte[] bytes(int... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int v : values) {
            out.write(v);
        }
        return out.toByteArray();
    }
}
