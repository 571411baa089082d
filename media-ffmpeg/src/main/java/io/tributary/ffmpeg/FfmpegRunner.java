package io.tributary.ffmpeg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs ffmpeg or ffprobe as a child process, to completion, with a deadline.
 *
 * <p>Standard input is written from one thread while standard output and error are drained by others, so a child
 * that fills a pipe never deadlocks against us. Standard error keeps only its last {@value #STDERR_TAIL_BYTES} bytes:
 * an encoder's progress lines are unbounded. A child still running at the deadline is killed, and so is one whose
 * caller is interrupted. This blocks the calling thread: never call it on an event loop.
 */
public final class FfmpegRunner {
    static final int STDERR_TAIL_BYTES = 8192;

    private final FfmpegBinaries binaries;

    public FfmpegRunner(FfmpegBinaries binaries) {
        this.binaries = binaries;
    }

    public static FfmpegRunner bundled() {
        return new FfmpegRunner(FfmpegBinaries.locate());
    }

    public FfmpegBinaries binaries() {
        return binaries;
    }

    /** Runs {@code ffmpeg -hide_banner -nostdin args...} (no stdin). */
    public ProcessResult ffmpeg(Duration timeout, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(binaries.ffmpeg().toString(), "-hide_banner", "-nostdin"));
        cmd.addAll(args);
        return run(cmd, null, timeout);
    }

    /** Runs {@code ffmpeg -hide_banner args...} feeding {@code stdin} to it (use {@code -i pipe:0} or {@code -i -}). */
    public ProcessResult ffmpeg(Duration timeout, byte[] stdin, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(binaries.ffmpeg().toString(), "-hide_banner"));
        cmd.addAll(args);
        return run(cmd, stdin, timeout);
    }

    /** Runs {@code ffprobe -hide_banner args...}, optionally feeding {@code stdin}. */
    public ProcessResult ffprobe(Duration timeout, byte[] stdin, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(binaries.ffprobe().toString(), "-hide_banner"));
        cmd.addAll(args);
        return run(cmd, stdin, timeout);
    }

    /** Like {@link #ffmpeg(Duration, List)} but throws with ffmpeg's own last words when it fails. */
    public ProcessResult ffmpegOrThrow(Duration timeout, List<String> args) {
        return orThrow(ffmpeg(timeout, args), "ffmpeg");
    }

    /** Runs {@code ffprobe -v error -print_format json -show_format -show_streams [extra...] source}. */
    public String probeJson(Duration timeout, Path source, String... extra) {
        List<String> args = new ArrayList<>(List.of("-v", "error", "-print_format", "json", "-show_format", "-show_streams"));
        args.addAll(List.of(extra));
        args.add(source.toString());
        return orThrow(ffprobe(timeout, null, args), "ffprobe").stdoutText();
    }

    private static ProcessResult orThrow(ProcessResult r, String what) {
        if (!r.succeeded()) {
            throw new FfmpegException(what + " exited with " + r.exitCode() + ": " + r.stderrTail());
        }
        return r;
    }

    private static ProcessResult run(List<String> command, byte[] stdin, Duration timeout) {
        Process process;
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            if (stdin == null) {
                pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            }
            process = pb.start();
        } catch (IOException e) {
            throw new FfmpegException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TailBuffer err = new TailBuffer(STDERR_TAIL_BYTES);
        Thread outPump = daemon("ffmpeg-stdout", () -> drain(process.getInputStream(), out));
        Thread errPump = daemon("ffmpeg-stderr", () -> drain(process.getErrorStream(), err));
        Thread inPump = null;
        if (stdin != null) {
            inPump = daemon("ffmpeg-stdin", () -> feed(process.getOutputStream(), stdin));
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new FfmpegException(command.get(0) + " did not finish within " + timeout + ": " + err);
            }
            outPump.join(5000);
            errPump.join(5000);
            if (inPump != null) {
                inPump.join(5000);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new FfmpegException("interrupted while waiting for " + command.get(0), e);
        }
        return new ProcessResult(process.exitValue(), out.toByteArray(), err.toString());
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void drain(InputStream in, OutputStream sink) {
        byte[] buf = new byte[65536];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                sink.write(buf, 0, n);
            }
        } catch (IOException ignored) {
            // the child closed its end: nothing more to read
        }
    }

    private static void feed(OutputStream in, byte[] bytes) {
        try (in) {
            in.write(bytes);
        } catch (IOException ignored) {
            // the child stopped reading (it may have all it needs, or it failed and says so on stderr)
        }
    }

    /** Keeps the last {@code capacity} bytes written to it. */
    private static final class TailBuffer extends OutputStream {
        private final byte[] ring;
        private long written;

        TailBuffer(int capacity) {
            ring = new byte[capacity];
        }

        @Override
        public synchronized void write(int b) {
            ring[(int) (written++ % ring.length)] = (byte) b;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }

        @Override
        public synchronized String toString() {
            int n = (int) Math.min(written, ring.length);
            byte[] tail = new byte[n];
            long start = written - n;
            for (int i = 0; i < n; i++) {
                tail[i] = ring[(int) ((start + i) % ring.length)];
            }
            return new String(tail, StandardCharsets.UTF_8).strip();
        }
    }
}
