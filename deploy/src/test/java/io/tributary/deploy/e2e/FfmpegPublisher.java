package io.tributary.deploy.e2e;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real publisher: {@code ffmpeg -re -i clip -c copy -f flv rtmp://.../live/<key>}, running while the test
 * looks at the system. Its output goes to a log file and a short tail for messages, with the stream key replaced
 * by {@code <key>} (ffmpeg names its output URL in errors, and a key is never logged).
 */
public final class FfmpegPublisher implements AutoCloseable {

    private static final int TAIL_LINES = 20;

    private final Process process;
    private final String secret;
    private final Instant startedAt = Instant.now();
    private final Deque<String> tail = new ArrayDeque<>(); // guarded by itself
    private final Thread pump;
    /** Completes when ffmpeg exited; awaited, not read, so the exit and its time are never seen apart. */
    private final CompletableFuture<Instant> ended;

    private FfmpegPublisher(Process process, String secret, Path log) {
        this.process = process;
        this.secret = secret;
        this.pump = new Thread(() -> pump(log), "ffmpeg-publisher-output");
        this.pump.setDaemon(true);
        this.pump.start();
        this.ended = process.onExit().thenApply(exited -> Instant.now());
    }

    /**
     * @param rtmpUrl the full publish URL, key included
     * @param secret  the part of the URL never to write down (the stream key)
     */
    public static FfmpegPublisher start(Path ffmpeg, Path clip, String rtmpUrl, String secret, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin",
                "-loglevel", "warning", "-re", "-i", clip.toString(), "-c", "copy", "-f", "flv", rtmpUrl));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new FfmpegPublisher(process, secret, log);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** When ffmpeg exited, if it has. */
    public Optional<Instant> endedAt() {
        return Optional.ofNullable(ended.getNow(null));
    }

    /** Waits for ffmpeg to end; its exit status, or empty if it still runs at the deadline. */
    public Optional<Integer> awaitExit(Instant deadline) throws InterruptedException {
        long millis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
        try {
            // process.waitFor can return before onExit's stage ran: wait for the stage itself.
            ended.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            return Optional.empty();
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible.getCause());
        }
        pump.join(2000);
        return Optional.of(process.exitValue());
    }

    /** ffmpeg's last lines, key redacted. */
    public String outputTail() {
        synchronized (tail) {
            return tail.isEmpty() ? "(ffmpeg printed nothing)" : "ffmpeg said:\n" + String.join("\n", tail);
        }
    }

    private void pump(Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String redacted = line.replace(secret, "<key>");
                out.write(redacted);
                out.newLine();
                out.flush();
                synchronized (tail) {
                    tail.addLast(redacted);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot log the publisher's output to " + log, e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
