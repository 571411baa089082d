package io.tributary.transcode.ladder;

import io.tributary.ffmpeg.FfmpegException;
import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.ffmpeg.ProcessResult;
import io.tributary.media.codec.CodecConfigException;
import io.tributary.media.codec.VideoCodec;
import io.tributary.media.flv.FlvFormatException;
import io.tributary.media.flv.FlvReader;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.VideoPacket;
import io.tributary.media.flv.VideoTag;
import io.tributary.transcode.cmaf.AvcTrack;
import io.tributary.transcode.cmaf.FlvSampleMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Encodes one GOP into every rung with one ffmpeg process ({@link LadderCommand}), and reads each rung back as
 * media-common's FLV reader sees it.
 *
 * <p>One process per GOP rather than one per stream: the GOP arrives whole, so a long-lived process would gain only
 * its start-up (a few percent of the CPU, measured in {@code bench/ladder}), while x264's lookahead would hold each
 * GOP's last frames until the next GOP arrives, a whole GOP of added latency, unless tuned for zero latency at a cost
 * in quality. A process per GOP also makes every GOP independent: a crash, a format change or a worker taking a
 * channel over needs no process state. Outputs go to files in a work directory (tmpfs by default): ffmpeg has one
 * standard output and several rungs to write.
 *
 * <p>Blocking, and CPU-heavy: call it from the ladder's own threads, never from an event loop or a consumer lane.
 */
public final class RungEncoder {
    private static final Pattern BENCH = Pattern.compile("bench: utime=([0-9.]+)s stime=([0-9.]+)s");

    private final FfmpegRunner ffmpeg;
    private final EncoderSettings settings;

    public RungEncoder(FfmpegRunner ffmpeg, EncoderSettings settings) {
        this.ffmpeg = ffmpeg;
        this.settings = settings;
    }

    /**
     * @param rungs the rungs to encode (passthrough rungs are not encoded and must not be given)
     * @param watermark null for none
     * @throws RungEncodingException when ffmpeg fails, times out, or writes something that is not one H.264 track
     *     of the rung's size
     */
    public EncodedLadder encode(LadderInput input, List<Rung> rungs, Watermark watermark) {
        long started = System.nanoTime();
        Path dir = createWorkDir();
        try {
            List<Path> outputs = new ArrayList<>(rungs.size());
            for (int i = 0; i < rungs.size(); i++) {
                outputs.add(dir.resolve(i + "-" + rungs.get(i).name() + ".flv"));
            }
            List<String> args = LadderCommand.args(input.sourceWidth(), input.selection(), rungs, outputs,
                    watermark, settings);
            ProcessResult result;
            try {
                result = ffmpeg.ffmpeg(settings.timeout(), input.flv(), args);
            } catch (FfmpegException e) {
                throw new RungEncodingException(e.getMessage(), e);
            }
            if (!result.succeeded()) {
                throw new RungEncodingException("ffmpeg exited with " + result.exitCode() + ": "
                        + lastLines(result.stderrTail(), 5));
            }
            List<EncodedRung> encoded = new ArrayList<>(rungs.size());
            for (int i = 0; i < rungs.size(); i++) {
                encoded.add(read(rungs.get(i), readFile(outputs.get(i))));
            }
            return new EncodedLadder(encoded, Duration.ofNanos(System.nanoTime() - started),
                    cpu(result.stderrTail()));
        } finally {
            deleteQuietly(dir);
        }
    }

    /** A rung's FLV as ffmpeg wrote it: one AVC sequence header, then the coded frames in decode order. */
    static EncodedRung read(Rung rung, byte[] flv) {
        AvcTrack format = null;
        List<CodedFrame> frames = new ArrayList<>();
        try {
            for (FlvTag tag : new FlvReader(flv).readAll()) {
                if (!(tag instanceof VideoTag v)) {
                    continue; // onMetaData
                }
                VideoPacket p = v.packet();
                if (p.isSequenceHeader()) {
                    format = (AvcTrack) FlvSampleMapper.videoFormat(VideoCodec.AVC, p.payload());
                } else if (p.kind() == VideoPacket.Kind.CODED_FRAMES) {
                    frames.add(new CodedFrame(p.pts(), p.keyframe(), p.payload()));
                }
            }
        } catch (FlvFormatException | CodecConfigException | IllegalArgumentException | ClassCastException e) {
            throw new RungEncodingException("rung " + rung.name() + ": unreadable ffmpeg output: " + e.getMessage(), e);
        }
        if (format == null) {
            throw new RungEncodingException("rung " + rung.name() + ": ffmpeg wrote no H.264 sequence header");
        }
        if (format.width() != rung.width() || format.height() != rung.height()) {
            throw new RungEncodingException("rung " + rung.name() + " came out " + format.width() + "x"
                    + format.height() + ", not " + rung.width() + "x" + rung.height());
        }
        return new EncodedRung(rung, format, frames);
    }

    /** User plus system time from ffmpeg's {@code -benchmark} line; zero when it is missing. */
    static Duration cpu(String stderr) {
        Matcher m = BENCH.matcher(stderr);
        Duration cpu = Duration.ZERO;
        while (m.find()) {
            double seconds = Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2));
            cpu = Duration.ofNanos(Math.round(seconds * 1e9));
        }
        return cpu;
    }

    private Path createWorkDir() {
        try {
            return Files.createTempDirectory(settings.workDir(), "tributary-ladder-");
        } catch (IOException e) {
            throw new RungEncodingException("cannot create a work directory in " + settings.workDir() + ": " + e, e);
        }
    }

    private static byte[] readFile(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RungEncodingException("ffmpeg left no readable output " + file.getFileName() + ": " + e, e);
        }
    }

    private static String lastLines(String text, int n) {
        String[] lines = text.split("\n");
        return String.join(" | ", List.of(lines).subList(Math.max(0, lines.length - n), lines.length));
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // tmpfs space is all that is lost; the next GOP gets a directory of its own
        }
    }
}
