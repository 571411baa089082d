package io.tributary.transcode.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LadderCommandTest {
    private static final Rung R720 = Rung.encoded("720p", 1280, 720, 3_000_000);
    private static final Rung R360 = Rung.encoded("360p", 640, 360, 600_000);
    private static final EncoderSettings SETTINGS = new EncoderSettings("veryfast", "high", 1, 1.1,
            Duration.ofSeconds(2), Duration.ofSeconds(60), Path.of("/tmp"));

    @Test
    void splitsOneDecodeIntoOneScaledOutputPerRung() {
        assertEquals("[0:v]split=2[s0][s1]"
                        + ";[s0]scale=1280:720,setsar=1,format=yuv420p[v0]"
                        + ";[s1]scale=640:360,setsar=1,format=yuv420p[v1]",
                LadderCommand.filterGraph(1920, null, List.of(R720, R360), null));
    }

    @Test
    void encodesOnlyAContinuationsOwnFramesAfterItsContext() {
        FrameSelection own = new FrameSelection(1534, List.of(1567L, 1600L));
        assertEquals("[0:v]select='gte(pts,1534)*not(eq(pts,1567)+eq(pts,1600))',split=1[s0]"
                        + ";[s0]scale=640:360,setsar=1,format=yuv420p[v0]",
                LadderCommand.filterGraph(1920, own, List.of(R360), null));
        assertEquals("gte(pts,1534)", new FrameSelection(1534, List.of()).expression());
    }

    /** (position, overlay coordinates) for a 1920-wide source with a 2% margin (38 px). */
    @Test
    void placesTheWatermarkInItsCornerBeforeScaling() {
        String[][] cases = {
                {"TOP_LEFT", "x=38:y=38"},
                {"TOP_RIGHT", "x=W-w-38:y=38"},
                {"BOTTOM_LEFT", "x=38:y=H-h-38"},
                {"BOTTOM_RIGHT", "x=W-w-38:y=H-h-38"}};
        for (String[] c : cases) {
            Watermark mark = new Watermark(Path.of("/m.png"), Watermark.Position.valueOf(c[0]), 0.1, 0.75, 0.02);
            assertEquals("[0:v]null[main];[1:v]format=rgba,colorchannelmixer=aa=0.750,scale=192:-2[mark]"
                            + ";[main][mark]overlay=" + c[1] + ":eof_action=repeat,split=1[s0]"
                            + ";[s0]scale=640:360,setsar=1,format=yuv420p[v0]",
                    LadderCommand.filterGraph(1920, null, List.of(R360), mark), c[0]);
        }
    }

    @Test
    void everyOutputKeepsTheSourcesTimestampsAndKeyframesOnly() {
        List<String> args = LadderCommand.args(1920, null, List.of(R720, R360),
                List.of(Path.of("/w/0.flv"), Path.of("/w/1.flv")), null, SETTINGS);
        assertEquals(List.of("-copyts", "-f", "flv", "-i", "pipe:0"), args.subList(4, 9));
        for (String flag : List.of("-fps_mode", "-enc_time_base", "-muxdelay", "-bf", "-force_key_frames",
                "-forced-idr", "-x264-params")) {
            assertEquals(2, Collections.frequency(args, flag), flag + " on each output");
        }
        assertEquals("passthrough", args.get(args.indexOf("-fps_mode") + 1));
        assertEquals("demux", args.get(args.indexOf("-enc_time_base") + 1));
        assertEquals("0", args.get(args.indexOf("-bf") + 1));
        assertEquals("source", args.get(args.indexOf("-force_key_frames") + 1));
        assertEquals("keyint=infinite:scenecut=0:open-gop=0", args.get(args.indexOf("-x264-params") + 1));
        assertEquals("/w/1.flv", args.get(args.size() - 1));
    }

    @Test
    void ratesFollowTheRungAndTheVbvSettings() {
        List<String> args = LadderCommand.args(1920, null, List.of(R720), List.of(Path.of("/w/0.flv")), null,
                SETTINGS);
        assertEquals("3000000", args.get(args.indexOf("-b:v") + 1));
        assertEquals("3300000", args.get(args.indexOf("-maxrate") + 1));
        assertEquals("6000000", args.get(args.indexOf("-bufsize") + 1));
        assertTrue(args.containsAll(List.of("-preset", "veryfast", "-profile:v", "high")));
        assertEquals("1", args.get(args.indexOf("-threads") + 1), "one thread per rung: deterministic output");
    }

    @Test
    void severalThreadsPerRungAreSliceThreadsSoThatOutputIsRepeatable() {
        EncoderSettings two = new EncoderSettings("veryfast", "high", 2, 1.1, Duration.ofSeconds(2),
                Duration.ofSeconds(60), Path.of("/tmp"));
        List<String> args = LadderCommand.args(1920, null, List.of(R720), List.of(Path.of("/w/0.flv")), null, two);
        assertEquals("keyint=infinite:scenecut=0:open-gop=0:sliced-threads=1",
                args.get(args.indexOf("-x264-params") + 1));
        assertEquals("2", args.get(args.indexOf("-threads") + 1));
    }

    @Test
    void zeroThreadsLetsX264Choose() {
        EncoderSettings auto = new EncoderSettings("veryfast", "high", 0, 1.1, Duration.ofSeconds(2),
                Duration.ofSeconds(60), Path.of("/tmp"));
        assertTrue(!LadderCommand.args(1920, null, List.of(R720), List.of(Path.of("/w/0.flv")), null, auto)
                .contains("-threads"));
    }

    @Test
    void theWatermarkIsASecondInput() {
        Watermark mark = new Watermark(Path.of("/m.png"), Watermark.Position.TOP_LEFT, 0.1, 1, 0);
        List<String> args = LadderCommand.args(1920, null, List.of(R360), List.of(Path.of("/w/0.flv")), mark, SETTINGS);
        assertEquals("/m.png", args.get(args.lastIndexOf("-i") + 1));
    }

    @Test
    void refusesToEncodeThePassthroughRung() {
        assertThrows(IllegalArgumentException.class, () -> LadderCommand.args(1920, null,
                List.of(Rung.source(1920, 1080)), List.of(Path.of("/w/0.flv")), null, SETTINGS));
    }

    @Test
    void readsFfmpegsOwnCpuTime() {
        String stderr = "Output #1, flv, to 'x':\n[out#1/flv] video:1kB\nbench: utime=1.250s stime=0.130s "
                + "rtime=0.900s\nbench: maxrss=39092KiB";
        assertEquals(Duration.ofMillis(1380), RungEncoder.cpu(stderr));
        assertEquals(Duration.ZERO, RungEncoder.cpu("no report"));
    }
}
