package io.tributary.media.flv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.RecordedVectors;
import io.tributary.media.amf.AmfValue;
import io.tributary.media.codec.AudioCodec;
import io.tributary.media.codec.VideoCodec;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Real encoder output, as an RTMP server recorded it: every tag must parse, and rewriting must not change a byte. */
class RecordedFlvTest {

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of(RecordedVectors.FFMPEG_H264_AAC, VideoCodec.AVC, 122, 190,
                        List.of(0L, 1000L, 2000L, 3000L), 640, 360),
                Arguments.of(RecordedVectors.FFMPEG_HEVC_AAC, VideoCodec.HEVC, 122, 190,
                        List.of(0L, 867L, 1867L, 2867L), 640, 360),
                Arguments.of(RecordedVectors.FFMPEG_AV1_AAC, VideoCodec.AV1, 92, 143,
                        List.of(21L, 1021L, 2021L), 320, 180),
                Arguments.of(RecordedVectors.GSTREAMER_H264_AAC, VideoCodec.AVC, 122, 190,
                        List.of(0L, 933L, 1933L, 2933L), 640, 360));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void everyTagParsesAndNormalises(String name, VideoCodec codec, int videoTags, int audioTags, List<Long> keyframes,
                                     int width, int height) {
        List<FlvTag> tags = new FlvReader(RecordedVectors.receivedFlv(name)).readAll();
        List<VideoPacket> video = tags.stream().filter(t -> t instanceof VideoTag)
                .map(t -> ((VideoTag) t).packet()).collect(Collectors.toList());
        List<AudioPacket> audio = tags.stream().filter(t -> t instanceof AudioTag)
                .map(t -> ((AudioTag) t).packet()).collect(Collectors.toList());

        assertEquals(videoTags, video.size());
        assertEquals(audioTags, audio.size());
        assertTrue(video.stream().allMatch(p -> p.codec() == codec));
        assertTrue(audio.stream().allMatch(p -> p.codec() == AudioCodec.AAC));
        assertEquals(1, video.stream().filter(VideoPacket::isSequenceHeader).count());
        assertEquals(1, audio.stream().filter(AudioPacket::isSequenceHeader).count());
        assertEquals(keyframes, video.stream().filter(VideoPacket::keyframe).map(VideoPacket::dts)
                .collect(Collectors.toList()));
        assertTrue(video.stream().allMatch(p -> p.compositionTimeOffset() >= 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void onMetaDataNamesTheSize(String name, VideoCodec codec, int videoTags, int audioTags, List<Long> keyframes,
                                int width, int height) {
        ScriptDataTag meta = (ScriptDataTag) new FlvReader(RecordedVectors.receivedFlv(name)).next();
        assertEquals(ScriptDataTag.ON_META_DATA, meta.name());
        Map<String, AmfValue> props = ((AmfValue.AmfEcmaArray) meta.arguments().get(0)).properties();
        assertEquals(AmfValue.number(width), props.get("width"));
        assertEquals(AmfValue.number(height), props.get("height"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rewritingTheTagsGivesTheSameBytes(String name) {
        byte[] original = RecordedVectors.receivedFlv(name);
        FlvReader reader = new FlvReader(original);
        FlvWriter writer = new FlvWriter(reader.header());
        reader.readAll().forEach(writer::write);
        assertArrayEquals(original, writer.toByteArray());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rewritingEveryTagHeaderGivesTheSameBody(String name) {
        for (FlvTag tag : new FlvReader(RecordedVectors.receivedFlv(name)).readAll()) {
            if (tag instanceof VideoTag v) {
                VideoTagHeader h = v.header();
                assertArrayEquals(java.util.Arrays.copyOf(v.body(), h.length()), h.toBytes());
            } else if (tag instanceof AudioTag a) {
                AudioTagHeader h = a.header();
                assertArrayEquals(java.util.Arrays.copyOf(a.body(), h.length()), h.toBytes());
            }
        }
    }
}
