package io.tributary.transcode.ladder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ffmpeg command that encodes one GOP into every rung at once: one input (a video-only FLV on standard input),
 * one decode, an optional watermark overlay, then {@code split} and {@code scale} to one libx264 output per rung.
 *
 * <p>What keeps each rung aligned with the source, frame for frame:
 * <ul>
 *   <li>{@code -copyts}, {@code -fps_mode passthrough}, {@code -enc_time_base demux}, {@code -muxdelay 0}: every
 *       decoded frame is encoded once, none dropped or duplicated, with the source's own millisecond timestamps;</li>
 *   <li>a keyframe only where the source has one ({@code -force_key_frames source}, which is always the GOP's first
 *       frame), made an IDR ({@code -forced-idr}), in a closed GOP ({@code open-gop=0}), and no other: no scene-cut
 *       keyframes ({@code scenecut=0}) and no periodic ones ({@code keyint=infinite});</li>
 *   <li>no B-frames ({@code -bf 0}): decode order is presentation order, so a rung's samples can take the source's
 *       decode times and a composition offset that is never negative, whatever reordering the source uses.</li>
 * </ul>
 * Context frames (a GOP record that continues the previous one starts without a keyframe) are decoded, then left
 * out by {@code select} ({@link FrameSelection}) before anything is encoded. {@code -benchmark} makes ffmpeg report
 * its own CPU time, at the {@code info} log level (hence that level, with {@code -nostats} to keep the progress lines
 * out).
 */
public final class LadderCommand {

    private LadderCommand() {
    }

    /**
     * @param sourceWidth the decoded picture's width, which sizes the watermark
     * @param selection the decoded frames to encode, null for all
     * @param rungs the encoded rungs (no passthrough), each written to the output at the same index
     * @param watermark null for none
     * @return ffmpeg's arguments after {@code -hide_banner}; public so that the benchmark measures this very command
     */
    public static List<String> args(int sourceWidth, FrameSelection selection, List<Rung> rungs, List<Path> outputs,
                                    Watermark watermark, EncoderSettings settings) {
        if (rungs.isEmpty() || rungs.size() != outputs.size() || rungs.stream().anyMatch(Rung::passthrough)) {
            throw new IllegalArgumentException("one output per encoded rung: " + rungs + " -> " + outputs);
        }
        List<String> args = new ArrayList<>(List.of("-loglevel", "info", "-nostats", "-benchmark", "-copyts",
                "-f", "flv", "-i", "pipe:0"));
        if (watermark != null) {
            args.addAll(List.of("-i", watermark.image().toString()));
        }
        args.addAll(List.of("-filter_complex", filterGraph(sourceWidth, selection, rungs, watermark)));
        for (int i = 0; i < rungs.size(); i++) {
            args.addAll(output(i, rungs.get(i), outputs.get(i), settings));
        }
        return args;
    }

    static String filterGraph(int sourceWidth, FrameSelection selection, List<Rung> rungs, Watermark watermark) {
        StringBuilder g = new StringBuilder("[0:v]");
        if (selection != null) {
            // quoted: the expression's commas are not the filter graph's
            g.append("select='").append(selection.expression()).append("',");
        }
        if (watermark != null) {
            int width = LadderPlanner.evenRound(sourceWidth * watermark.scale());
            int margin = (int) Math.round(sourceWidth * watermark.margin());
            g.append("null[main];[1:v]format=rgba,colorchannelmixer=aa=").append(decimal(watermark.opacity()))
                    .append(",scale=").append(width).append(":-2[mark];[main][mark]overlay=")
                    .append(overlayPosition(watermark.position(), margin))
                    // the PNG is one frame: keep showing it on every frame of the GOP
                    .append(":eof_action=repeat,");
        }
        g.append("split=").append(rungs.size());
        for (int i = 0; i < rungs.size(); i++) {
            g.append("[s").append(i).append(']');
        }
        for (int i = 0; i < rungs.size(); i++) {
            Rung r = rungs.get(i);
            g.append(";[s").append(i).append("]scale=").append(r.width()).append(':').append(r.height())
                    .append(",setsar=1,format=yuv420p[v").append(i).append(']');
        }
        return g.toString();
    }

    private static String overlayPosition(Watermark.Position position, int margin) {
        String x = switch (position) {
            case TOP_LEFT, BOTTOM_LEFT -> Integer.toString(margin);
            case TOP_RIGHT, BOTTOM_RIGHT -> "W-w-" + margin;
        };
        String y = switch (position) {
            case TOP_LEFT, TOP_RIGHT -> Integer.toString(margin);
            case BOTTOM_LEFT, BOTTOM_RIGHT -> "H-h-" + margin;
        };
        return "x=" + x + ":y=" + y;
    }

    private static List<String> output(int index, Rung rung, Path file, EncoderSettings s) {
        List<String> a = new ArrayList<>(List.of("-map", "[v" + index + "]",
                "-c:v", "libx264", "-preset", s.preset(), "-profile:v", s.profile(),
                "-b:v", Long.toString(rung.bitsPerSecond()),
                "-maxrate", Long.toString(s.maxRate(rung)),
                "-bufsize", Long.toString(s.bufferBits(rung)),
                "-bf", "0",
                "-force_key_frames", "source", "-forced-idr", "1",
                // several threads on one rung split each picture into slices: unlike frame threads, whose rate
                // control depends on thread timing, that gives the same bytes on every run
                "-x264-params", "keyint=infinite:scenecut=0:open-gop=0"
                        + (s.threads() > 1 ? ":sliced-threads=1" : "")));
        if (s.threads() > 0) {
            a.addAll(List.of("-threads", Integer.toString(s.threads())));
        }
        a.addAll(List.of("-fps_mode", "passthrough", "-enc_time_base", "demux", "-muxdelay", "0",
                "-f", "flv", "-y", file.toString()));
        return a;
    }

    private static String decimal(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }
}
