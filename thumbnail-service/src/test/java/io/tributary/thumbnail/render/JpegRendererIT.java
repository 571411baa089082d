package io.tributary.thumbnail.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.codec.HevcDecoderConfigurationRecord;
import io.tributary.media.codec.VideoCodec;
import io.tributary.testsupport.gop.TestGops;
import io.tributary.testsupport.gop.TestGops.TestGop;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.thumbnail.testing.Pictures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpegRendererIT {
    /** Generous: several engineers share this machine's two cores. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int FPS = 25;

    private static final JpegRenderer RENDERER = new JpegRenderer(new RenderSettings(640, OptionalInt.of(160), 3));

    private static Keyframe keyframe(Path clip, int gop) {
        List<TestGop> records = TestGops.split(clip, "S1");
        return KeyframeCut.first(records.get(gop).value()).orElseThrow();
    }

    /** A clip the bundled ffmpeg makes from testsrc2, in (enhanced) FLV, for codecs TestMedia has no clip of. */
    private static Path clip(Path dir, String name, String source, List<String> encoder) {
        Path clip = dir.resolve(name + ".flv");
        List<String> args = new ArrayList<>(List.of("-loglevel", "error", "-f", "lavfi", "-i", source,
                "-t", "1", "-pix_fmt", "yuv420p"));
        args.addAll(encoder);
        args.addAll(List.of("-f", "flv", clip.toString()));
        Pictures.runner().ffmpegOrThrow(TIMEOUT, args);
        return clip;
    }

    private static Keyframe withData(Keyframe keyframe, byte[] data) {
        return new Keyframe(keyframe.codec(), keyframe.configuration(), data, keyframe.ptsMillis());
    }

    @Test
    void makesAPictureOfTheKeyframeAtTheConfiguredWidthAndASmallOne() throws Exception {
        Path clip = TestMedia.h264Aac(Duration.ofSeconds(3), 1280, 720, FPS, FPS);

        Rendering.Rendered rendered = assertInstanceOf(Rendering.Rendered.class, RENDERER.render(keyframe(clip, 1)));

        assertEquals(new Pictures.Probe("mjpeg", 640, 360), Pictures.probe(rendered.picture().jpeg()));
        assertEquals(640, rendered.picture().width());
        assertEquals(360, rendered.picture().height());
        Picture small = rendered.small().orElseThrow();
        assertEquals(new Pictures.Probe("mjpeg", 160, 90), Pictures.probe(small.jpeg()));
        assertEquals(160, small.width());
        assertEquals(90, small.height());
        // the keyframe of the second GOP is frame 25: both pictures are that frame, not a neighbour
        byte[] gray = Pictures.gray(rendered.picture().jpeg());
        double same = Pictures.meanAbsoluteDifference(gray, Pictures.sourceFrame(clip, FPS, 640, 360));
        double before = Pictures.meanAbsoluteDifference(gray, Pictures.sourceFrame(clip, FPS - 1, 640, 360));
        double after = Pictures.meanAbsoluteDifference(gray, Pictures.sourceFrame(clip, FPS + 1, 640, 360));
        assertTrue(same < 1.5, "mean absolute difference to frame 25: " + same);
        assertTrue(same < before && same < after, same + " vs " + before + " and " + after);
        double smallSame = Pictures.meanAbsoluteDifference(Pictures.gray(small.jpeg()),
                Pictures.sourceFrame(clip, FPS, 160, 90));
        assertTrue(smallSame < 3, "mean absolute difference of the small picture to frame 25: " + smallSame);
    }

    @Test
    void makesTheSamePictureFromTheSameKeyframe() {
        Keyframe keyframe = keyframe(TestMedia.h264Aac(Duration.ofSeconds(3), 1280, 720, FPS, FPS), 1);

        Rendering.Rendered first = assertInstanceOf(Rendering.Rendered.class, RENDERER.render(keyframe));
        Rendering.Rendered second = assertInstanceOf(Rendering.Rendered.class, RENDERER.render(keyframe));

        // replays rewrite the same bytes to the same keys (docs/services/thumbnail-service.md, "Crash safety")
        assertTrue(Arrays.equals(first.picture().jpeg(), second.picture().jpeg()));
        assertTrue(Arrays.equals(first.small().orElseThrow().jpeg(), second.small().orElseThrow().jpeg()));
    }

    @Test
    void makesTheSamePicturesOnSeveralThreadsAtOnce() throws Exception {
        // the service's worker threads render at the same time: nothing native may be shared between them
        Keyframe keyframe = keyframe(TestMedia.h264Aac(Duration.ofSeconds(3), 1280, 720, FPS, FPS), 1);
        Rendering.Rendered alone = assertInstanceOf(Rendering.Rendered.class, RENDERER.render(keyframe));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Rendering>> renders = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                renders.add(threads.submit(() -> RENDERER.render(keyframe)));
            }
            for (Future<Rendering> render : renders) {
                Rendering.Rendered rendered = assertInstanceOf(Rendering.Rendered.class,
                        render.get(60, TimeUnit.SECONDS));
                assertTrue(Arrays.equals(alone.picture().jpeg(), rendered.picture().jpeg()));
                assertTrue(Arrays.equals(alone.small().orElseThrow().jpeg(), rendered.small().orElseThrow().jpeg()));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void neverUpscalesASmallerSource() throws Exception {
        Path clip = TestMedia.videoOnly(Duration.ofSeconds(2), 320, 180, FPS, FPS);

        Rendering.Rendered rendered = assertInstanceOf(Rendering.Rendered.class, RENDERER.render(keyframe(clip, 0)));

        assertEquals(new Pictures.Probe("mjpeg", 320, 180), Pictures.probe(rendered.picture().jpeg()));
        assertEquals(new Pictures.Probe("mjpeg", 160, 90), Pictures.probe(rendered.small().orElseThrow().jpeg()));
    }

    @Test
    void decodesHevcInEnhancedFlv() throws Exception {
        Path clip = TestMedia.hevcAac(Duration.ofSeconds(2), 640, 360, FPS, FPS);
        Keyframe keyframe = keyframe(clip, 1);
        assertEquals(VideoCodec.HEVC, keyframe.codec());

        Rendering rendering = RENDERER.render(keyframe);

        Rendering.Rendered rendered = assertInstanceOf(Rendering.Rendered.class, rendering, rendering::toString);
        assertEquals(new Pictures.Probe("mjpeg", 640, 360), Pictures.probe(rendered.picture().jpeg()));
        double same = Pictures.meanAbsoluteDifference(Pictures.gray(rendered.picture().jpeg()),
                Pictures.sourceFrame(clip, FPS, 640, 360));
        assertTrue(same < 1.5, "mean absolute difference to frame 25: " + same);
    }

    @Test
    void decodesAv1InEnhancedFlv(@TempDir Path dir) {
        assertRendersTheSecondKeyframe(clip(dir, "av1", "testsrc2=size=640x360:rate=" + FPS,
                List.of("-c:v", "libsvtav1", "-preset", "12", "-g", "10", "-svtav1-params", "keyint=10")),
                VideoCodec.AV1);
    }

    @Test
    void decodesVp9InEnhancedFlv(@TempDir Path dir) {
        assertRendersTheSecondKeyframe(clip(dir, "vp9", "testsrc2=size=640x360:rate=" + FPS,
                List.of("-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-g", "10")), VideoCodec.VP9);
    }

    private static void assertRendersTheSecondKeyframe(Path clip, VideoCodec codec) {
        Keyframe keyframe = keyframe(clip, 1);
        assertEquals(codec, keyframe.codec());

        Rendering rendering = RENDERER.render(keyframe);

        Rendering.Rendered rendered = assertInstanceOf(Rendering.Rendered.class, rendering, rendering::toString);
        assertEquals(new Pictures.Probe("mjpeg", 640, 360), Pictures.probe(rendered.picture().jpeg()));
        assertEquals(new Pictures.Probe("mjpeg", 160, 90), Pictures.probe(rendered.small().orElseThrow().jpeg()));
        // the keyframe of the second GOP is frame 10
        double same = Pictures.meanAbsoluteDifference(Pictures.gray(rendered.picture().jpeg()),
                Pictures.sourceFrame(clip, 10, 640, 360));
        assertTrue(same < 1.5, "mean absolute difference to frame 10: " + same);
    }

    @Test
    void rejectsADamagedKeyframe() throws Exception {
        Keyframe good = keyframe(TestMedia.h264Aac(Duration.ofSeconds(3), 1280, 720, FPS, FPS), 1);
        byte[] damaged = good.data().clone();
        Random random = new Random(7);
        // the slice data from a third of the way in: the NAL unit lengths there are noise too
        for (int i = damaged.length / 3; i < damaged.length; i++) {
            damaged[i] = (byte) random.nextInt(256);
        }

        Rendering.Rejected rejected = assertInstanceOf(Rendering.Rejected.class,
                RENDERER.render(withData(good, damaged)));

        assertEquals(RejectReason.DAMAGED, rejected.reason(), rejected.toString());
    }

    @Test
    void rejectsAKeyframeCutShort() {
        Keyframe good = keyframe(TestMedia.h264Aac(Duration.ofSeconds(3), 1280, 720, FPS, FPS), 1);

        Rendering rendering = RENDERER.render(withData(good, Arrays.copyOf(good.data(), good.data().length / 2)));

        Rendering.Rejected rejected = assertInstanceOf(Rendering.Rejected.class, rendering);
        assertEquals(RejectReason.DAMAGED, rejected.reason(), rejected.toString());
    }

    @Test
    void rejectsBytesNoDecoderCanDecode() {
        byte[] garbage = new byte[4096];
        new Random(3).nextBytes(garbage);
        for (VideoCodec codec : List.of(VideoCodec.AVC, VideoCodec.HEVC, VideoCodec.AV1)) {
            Rendering rendering = RENDERER.render(new Keyframe(codec, Arrays.copyOf(garbage, 64), garbage, 0));

            Rendering.Rejected rejected = assertInstanceOf(Rendering.Rejected.class, rendering, codec::toString);
            assertTrue(Set.of(RejectReason.UNDECODABLE, RejectReason.DAMAGED).contains(rejected.reason()),
                    rejected.toString());
        }
    }

    @Test
    void rejectsAKeyframeWithoutDataOrLargerThanAnyKeyframe() {
        Keyframe good = keyframe(TestMedia.videoOnly(Duration.ofSeconds(2), 320, 180, FPS, FPS), 0);

        assertEquals(RejectReason.UNDECODABLE, assertInstanceOf(Rendering.Rejected.class,
                RENDERER.render(withData(good, new byte[0]))).reason());
        assertEquals(RejectReason.UNDECODABLE, assertInstanceOf(Rendering.Rejected.class,
                RENDERER.render(withData(good, new byte[KeyframeDecoder.MAX_DATA_BYTES + 1]))).reason());
    }

    @Test
    void givesAPictureOrARejectionForAKeyframeCutAnywhereOrWithAnyByteFlipped(@TempDir Path dir) {
        // the FFmpeg libraries run in the service's JVM: a malformed keyframe of any codec must come back as a
        // Rejected, never crash the JVM or throw
        List<Keyframe> keyframes = List.of(
                keyframe(TestMedia.videoOnly(Duration.ofSeconds(2), 320, 180, FPS, FPS), 0),
                keyframe(TestMedia.hevcAac(Duration.ofSeconds(2), 640, 360, FPS, FPS), 1),
                keyframe(clip(dir, "av1-small", "testsrc2=size=320x180:rate=" + FPS,
                        List.of("-c:v", "libsvtav1", "-preset", "12", "-g", "10")), 1));
        for (Keyframe good : keyframes) {
            byte[] data = good.data();
            for (int at : places(data.length)) {
                assertRendersOrRejects(withData(good, Arrays.copyOf(data, at)));
                byte[] flipped = data.clone();
                flipped[at] ^= (byte) 0xFF;
                assertRendersOrRejects(withData(good, flipped));
            }
            byte[] configuration = good.configuration();
            for (int at : places(configuration.length)) {
                byte[] flipped = configuration.clone();
                flipped[at] ^= (byte) 0xFF;
                assertRendersOrRejects(new Keyframe(good.codec(), flipped, data, good.ptsMillis()));
                assertRendersOrRejects(new Keyframe(good.codec(), Arrays.copyOf(configuration, at), data,
                        good.ptsMillis()));
            }
        }
    }

    /** Every offset of a short array, or 200 spread over a long one: the test stays a few seconds per codec. */
    private static int[] places(int length) {
        int step = Math.max(1, length / 200);
        return IntStream.iterate(0, i -> i < length, i -> i + step).toArray();
    }

    private static void assertRendersOrRejects(Keyframe keyframe) {
        Rendering rendering = RENDERER.render(keyframe);
        if (rendering instanceof Rendering.Rendered rendered) {
            assertTrue(rendered.picture().jpeg().length > 0, keyframe::toString);
        }
    }

    @Test
    void readsTheFrameSizeOfTheSequenceHeadersFfmpegWritesForAv1(@TempDir Path dir) throws Exception {
        for (int[] size : new int[][] {{640, 360}, {426, 240}, {1280, 720}}) {
            String name = size[0] + "x" + size[1];
            Keyframe keyframe = keyframe(clip(dir, "av1-" + name, "testsrc2=size=" + name + ":rate=" + FPS,
                    List.of("-c:v", "libsvtav1", "-preset", "12")), 0);

            List<DeclaredPictureSize.Declared> declared = DeclaredPictureSize.of(keyframe);

            // one in the configuration record's configOBUs, one at the start of the keyframe's temporal unit
            assertEquals(List.of(new DeclaredPictureSize.Declared(size[0], size[1],
                            "sequence header in the configuration record"),
                    new DeclaredPictureSize.Declared(size[0], size[1], "sequence header in the keyframe")), declared);
        }
    }

    /** An encoder's settings, and the SPS sizes DeclaredPictureSize should find in the record, then the keyframe. */
    private record EncoderCase(String name, List<String> encoder, List<String> codedSizes) {
    }

    @Test
    void readsEverySpsThatRealEncodersWriteAndStillRendersTheirKeyframes(@TempDir Path dir) throws Exception {
        // H.264 codes 320x180 in 16x16 macroblocks: 320x192 (12 rows, or 6 rows of macroblock pairs when
        // interlaced), cropped to 180; x265 codes it as 320x192 too (ffprobe's coded_height), with a conformance
        // window. Profiles and tools that change the SPS before its size: High 4:4:4 with scaling matrices, field
        // coding, Main 10 and RExt 4:4:4; repeat-headers puts the SPS in every keyframe as well.
        List<EncoderCase> cases = List.of(
                new EncoderCase("x264 High", List.of("-c:v", "libx264", "-preset", "veryfast"), List.of("320x192")),
                new EncoderCase("x264 High, repeat-headers", List.of("-c:v", "libx264", "-preset", "veryfast",
                        "-x264-params", "repeat-headers=1"), List.of("320x192", "320x192")),
                new EncoderCase("x264 High 4:4:4, JVT scaling matrices", List.of("-c:v", "libx264", "-preset", "veryfast",
                        "-pix_fmt", "yuv444p", "-x264-params", "cqm=jvt"), List.of("320x192")),
                new EncoderCase("x264 interlaced (MBAFF)", List.of("-c:v", "libx264", "-preset", "veryfast",
                        "-flags", "+ildct+ilme", "-x264-params", "interlaced=1"), List.of("320x192")),
                new EncoderCase("x265 Main 10, repeat-headers", List.of("-c:v", "libx265", "-preset", "ultrafast",
                        "-pix_fmt", "yuv420p10le", "-x265-params", "repeat-headers=1:log-level=error"),
                        List.of("320x192", "320x192")),
                new EncoderCase("x265 RExt 4:4:4", List.of("-c:v", "libx265", "-preset", "ultrafast",
                        "-pix_fmt", "yuv444p", "-x265-params", "log-level=error"), List.of("320x192")));
        for (EncoderCase c : cases) {
            Keyframe keyframe = keyframe(clip(dir, c.name().replaceAll("\\W+", "-"),
                    "testsrc2=size=320x180:rate=" + FPS, c.encoder()), 0);

            List<String> sizes = DeclaredPictureSize.of(keyframe).stream()
                    .map(d -> d.width() + "x" + d.height()).toList();
            Rendering rendering = RENDERER.render(keyframe);

            assertEquals(c.codedSizes(), sizes, c.name());
            Rendering.Rendered rendered = assertInstanceOf(Rendering.Rendered.class, rendering,
                    () -> c.name() + ": " + rendering);
            assertEquals(new Pictures.Probe("mjpeg", 320, 180), Pictures.probe(rendered.picture().jpeg()), c.name());
        }
    }

    @Test
    void rejectsAnAv1StreamDeclaring65536x65536BeforeLibaomDecodesIt(@TempDir Path dir) {
        // libaom would allocate for the declared size before FFmpeg's max_pixels check: an OOM kill, not a rejection
        Keyframe good = keyframe(clip(dir, "av1-declared", "testsrc2=size=320x180:rate=" + FPS,
                List.of("-c:v", "libsvtav1", "-preset", "12", "-g", "10")), 1);
        byte[] huge = Av1Bits.obu(1, Av1SequenceHeaderCases.FULL_HEADER_65536.payload());
        byte[] data = good.data();
        // ffmpeg's temporal unit: temporal delimiter (12 00), sequence header (0a, one-byte obu_size), frame
        assertEquals(List.of(0x12, 0x00, 0x0A), List.of(data[0] & 0xFF, data[1] & 0xFF, data[2] & 0xFF));
        int frameAt = 4 + data[3];
        byte[] crafted = Av1Bits.concat(Arrays.copyOf(data, 2), huge, Arrays.copyOfRange(data, frameAt, data.length));

        for (Keyframe keyframe : List.of(withData(good, crafted), new Keyframe(VideoCodec.AV1,
                Av1Bits.concat(Arrays.copyOf(good.configuration(), 4), huge), crafted, good.ptsMillis()))) {
            Rendering.Rejected rejected = assertInstanceOf(Rendering.Rejected.class, RENDERER.render(keyframe));

            assertEquals(RejectReason.UNDECODABLE, rejected.reason());
            assertTrue(rejected.detail().contains("65536x65536"), rejected.detail());
        }
    }

    @Test
    void rejectsAnH264SpsDeclaringMoreThan8kUhdBeforeTheDecoderAllocatesForIt() {
        // Session 4 found FFmpeg's h264 refusing a 16000x16000 SPS (the largest av_image_check_size lets through) only
        // with max_pixels, when the picture would be allocated: its per-macroblock tables, blocks of 32 to 64 MiB,
        // came first. DeclaredPictureSize now refuses such an SPS, in the record or in the keyframe, before any
        // decoder is opened: FFmpeg logs nothing. av_max_alloc caps each av_malloc block to show where a decode stops.
        try (FfmpegLog log = FfmpegLog.capture()) {
            avutil.av_max_alloc(1 << 20);
            // controls: at a legal size the crafted streams pass the check and reach the picture allocation, where
            // the cap bites; the second is sized by the SPS in the keyframe, not the record's 640x368
            for (Keyframe legal : List.of(CraftedH264.keyframe(1920, 1088),
                    CraftedH264.keyframeWithItsOwnSps(1920, 1088))) {
                assertInstanceOf(Rendering.Rejected.class, RENDERER.render(legal));
                assertTrue(log.take().stream().anyMatch(line -> line.contains("get_buffer() failed")));
            }
            for (Keyframe crafted : List.of(CraftedH264.keyframe(16000, 16000),
                    CraftedH264.keyframeWithItsOwnSps(16000, 16000))) {
                Rendering.Rejected rejected = assertInstanceOf(Rendering.Rejected.class, RENDERER.render(crafted));

                assertEquals(RejectReason.UNDECODABLE, rejected.reason());
                assertTrue(rejected.detail().contains("declares pictures of 16000x16000"), rejected.detail());
                assertEquals(List.of(), log.take());
            }
            // 65536x65536, which FFmpeg refused when it read the SPS: now refused before, as media-common reads no
            // picture over 16384 a side
            Rendering.Rejected huge = assertInstanceOf(Rendering.Rejected.class,
                    RENDERER.render(CraftedH264.keyframe(65536, 65536)));
            assertEquals(RejectReason.UNDECODABLE, huge.reason());
            assertTrue(huge.detail().contains("larger than 16384 pixels"), huge.detail());
            assertEquals(List.of(), log.take());
        } finally {
            avutil.av_max_alloc(Integer.MAX_VALUE); // libavutil's default: INT_MAX
        }
    }

    @Test
    void rejectsAnHevcSpsDeclaringMoreThan8kUhdBeforeDecoding() {
        // FFmpeg's hevc sizes its per-block arrays from the SPS before max_pixels refuses the picture, as h264 does
        // (our reading of hevcdec.c): a real clip's stream, with a crafted SPS in its record or before its slices
        Keyframe good = keyframe(TestMedia.hevcAac(Duration.ofSeconds(2), 640, 360, FPS, FPS), 1);
        byte[] craftedSps = CraftedHevc.sps(16000, 16000);
        byte[] realSps = HevcDecoderConfigurationRecord.parse(good.configuration())
                .nalUnits(HevcDecoderConfigurationRecord.NAL_TYPE_SPS).get(0).bytes();
        Keyframe craftedRecord = new Keyframe(VideoCodec.HEVC, replaced(good.configuration(), realSps, craftedSps),
                good.data(), good.ptsMillis());
        Keyframe craftedKeyframe = withData(good, Av1Bits.concat(Rbsp.sample(craftedSps), good.data()));

        try (FfmpegLog log = FfmpegLog.capture()) {
            for (Keyframe crafted : List.of(craftedRecord, craftedKeyframe)) {
                Rendering.Rejected rejected = assertInstanceOf(Rendering.Rejected.class, RENDERER.render(crafted));

                assertEquals(RejectReason.UNDECODABLE, rejected.reason());
                assertTrue(rejected.detail().contains("declares pictures of 16000x16000"), rejected.detail());
                assertEquals(List.of(), log.take());
            }
        }
    }

    /** {@code bytes} with the NAL unit {@code from}, after its 16-bit length in a configuration record, swapped. */
    private static byte[] replaced(byte[] bytes, byte[] from, byte[] to) {
        for (int at = 2; at + from.length <= bytes.length; at++) {
            if (Arrays.equals(bytes, at, at + from.length, from, 0, from.length)) {
                return Av1Bits.concat(Arrays.copyOf(bytes, at - 2), new byte[] {(byte) (to.length >>> 8),
                        (byte) to.length}, to, Arrays.copyOfRange(bytes, at + from.length, bytes.length));
            }
        }
        throw new AssertionError("NAL unit not found");
    }

    @Test
    void rejectsABlackPicture(@TempDir Path dir) throws Exception {
        Path black = clip(dir, "black", "color=c=black:size=640x360:rate=25",
                List.of("-c:v", "libx264", "-preset", "veryfast", "-g", "25"));

        Rendering.Rejected rejected = assertInstanceOf(Rendering.Rejected.class,
                RENDERER.render(keyframe(black, 0)));

        assertEquals(RejectReason.BLANK, rejected.reason());
    }
}
