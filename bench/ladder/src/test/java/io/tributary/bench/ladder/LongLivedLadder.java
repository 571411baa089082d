package io.tributary.bench.ladder;

import io.tributary.media.codec.VideoCodec;
import io.tributary.media.flv.FlvHeader;
import io.tributary.media.flv.FlvWriter;
import io.tributary.media.flv.VideoPacket;
import io.tributary.media.flv.VideoTag;
import io.tributary.transcode.cmaf.AvcTrack;
import io.tributary.transcode.cmaf.FlvSampleMapper;
import io.tributary.transcode.ladder.EncoderSettings;
import io.tributary.transcode.ladder.LadderCommand;
import io.tributary.transcode.ladder.Rung;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The alternative to one ffmpeg process per GOP, for measurement only: one process per stream, kept alive, fed the
 * stream's GOPs one after the other on its standard input as one continuous FLV stream, its rungs read continuously
 * from named pipes. Same command as the service's ({@link LadderCommand}), plus what a live pipe needs: no input
 * probing ahead, a flush after every packet and, optionally, x264's zero-latency tuning.
 */
final class LongLivedLadder implements AutoCloseable {

    /** A frame as it came out of a rung's pipe, and when. */
    record Arrival(long ptsMillis, boolean keyframe, byte[] data, long nanoTime) {
    }

    private final Process process;
    private final OutputStream stdin;
    private final List<List<Arrival>> arrivals = new ArrayList<>();
    private final AvcTrack[] formats;
    private final List<Thread> readers = new ArrayList<>();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final Thread stderrPump;
    private boolean headerWritten;
    private volatile String readFailure;

    LongLivedLadder(Path ffmpeg, int sourceWidth, List<Rung> rungs, EncoderSettings settings, boolean zeroLatency,
                    Path dir) throws IOException, InterruptedException {
        List<Path> pipes = new ArrayList<>();
        for (int i = 0; i < rungs.size(); i++) {
            Path fifo = dir.resolve("rung-" + i + ".flv");
            Files.deleteIfExists(fifo);
            if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() != 0) {
                throw new IOException("mkfifo " + fifo + " failed");
            }
            pipes.add(fifo);
        }
        List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner"));
        command.addAll(liveArgs(LadderCommand.args(sourceWidth, null, rungs, pipes, null, settings), zeroLatency));
        process = new ProcessBuilder(command).start();
        stdin = process.getOutputStream();
        stderrPump = daemon("long-lived-stderr", () -> pump(process.getErrorStream(), stderr));
        formats = new AvcTrack[rungs.size()];
        for (int i = 0; i < rungs.size(); i++) {
            List<Arrival> list = Collections.synchronizedList(new ArrayList<>());
            arrivals.add(list);
            int index = i;
            Path pipe = pipes.get(i);
            readers.add(daemon("long-lived-rung-" + i, () -> read(pipe, index, list)));
        }
    }

    /** The service's per-GOP command, made for a pipe that stays open. */
    private static List<String> liveArgs(List<String> args, boolean zeroLatency) {
        List<String> live = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-f") && args.get(i + 1).equals("flv") && args.get(i + 2).equals("-i")) {
                // start on the first frames rather than probing seconds ahead (not -fflags nobuffer: it throws
                // away the packets read while probing, the whole first GOP)
                live.addAll(List.of("-probesize", "32768", "-analyzeduration", "0"));
            }
            if (a.equals("-muxdelay")) {
                live.addAll(List.of("-flush_packets", "1"));
            }
            live.add(a);
            if (a.equals("-preset") && zeroLatency) {
                live.add(args.get(++i));
                live.addAll(List.of("-tune", "zerolatency"));
            }
        }
        return live;
    }

    /** Writes one GOP's video tags (the sequence header with the first) and flushes them to ffmpeg. */
    void write(VideoTag sequenceHeader, List<VideoTag> tags) throws IOException {
        FlvWriter w = new FlvWriter(new FlvHeader(false, true));
        int header = w.size();
        if (!headerWritten) {
            w.write(new VideoTag(tags.get(0).timestamp(), sequenceHeader.body()));
        }
        tags.forEach(w::write);
        byte[] bytes = w.toByteArray();
        int from = headerWritten ? header : 0;
        try {
            stdin.write(bytes, from, bytes.length - from);
            stdin.flush();
        } catch (IOException e) {
            String why = stderr.toString(StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("[libx264") && !l.startsWith(" ")).reduce("", (a, b) -> a + "\n" + b);
            throw new IOException("ffmpeg stopped reading (" + readFailure + "): " + why, e);
        }
        headerWritten = true;
    }

    List<Arrival> arrivals(int rung) {
        synchronized (arrivals.get(rung)) {
            return List.copyOf(arrivals.get(rung));
        }
    }

    AvcTrack format(int rung) {
        return formats[rung];
    }

    /** Ends the input, lets ffmpeg flush every rung, and returns its {@code -benchmark} report. */
    String finish() throws IOException, InterruptedException {
        stdin.close();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("the long-lived ffmpeg did not finish");
        }
        for (Thread t : readers) {
            t.join(10_000);
        }
        stderrPump.join(10_000);
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void read(Path pipe, int index, List<Arrival> out) {
        // FileInputStream, not Files.newInputStream: the channel's available() seeks, which a pipe cannot do
        try (InputStream in = new FileInputStream(pipe.toFile())) {
            FlvTagStream tags = new FlvTagStream(in);
            VideoTag tag;
            while ((tag = tags.next()) != null) {
                VideoPacket p = tag.packet();
                if (p.isSequenceHeader()) {
                    formats[index] = (AvcTrack) FlvSampleMapper.videoFormat(VideoCodec.AVC, p.payload());
                } else if (p.kind() == VideoPacket.Kind.CODED_FRAMES) {
                    out.add(new Arrival(p.pts(), p.keyframe(), p.payload(), System.nanoTime()));
                }
            }
        } catch (IOException e) {
            // the process died: the arrivals so far are all there is
            readFailure = "rung " + index + ": " + e;
        } catch (RuntimeException e) {
            readFailure = "rung " + index + ": " + e;
            throw e;
        }
    }

    private static void pump(InputStream in, ByteArrayOutputStream sink) {
        try (in) {
            in.transferTo(sink);
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
