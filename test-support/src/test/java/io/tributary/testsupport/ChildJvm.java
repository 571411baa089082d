package io.tributary.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A main of this module run as a separate JVM on the test's class path, as the local-stack launcher runs it. */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final List<String> stderr = new ArrayList<>();
    private final Thread stdoutPump;
    private final Thread stderrPump;

    private ChildJvm(Process process) {
        this.process = process;
        this.stdoutPump = pump(process.getInputStream(), stdout::add);
        this.stderrPump = pump(process.getErrorStream(), line -> {
            synchronized (stderr) {
                stderr.add(line);
            }
        });
    }

    static ChildJvm start(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).start());
    }

    /** The next line on standard output, or null if none came in time. */
    String nextStdoutLine(Duration timeout) throws InterruptedException {
        return stdout.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** SIGTERM, as Ctrl-C in the launcher or {@code kill} sends it; returns the exit code. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return awaitExit(timeout);
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("child JVM did not exit within " + timeout + "; stderr: " + stderr());
        }
        stdoutPump.join(5000);
        stderrPump.join(5000);
        return process.exitValue();
    }

    /** What standard output said after the lines already taken. */
    List<String> remainingStdout() {
        List<String> rest = new ArrayList<>();
        stdout.drainTo(rest);
        return rest;
    }

    List<String> stderr() {
        synchronized (stderr) {
            return List.copyOf(stderr);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private interface LineSink {
        void accept(String line);
    }

    private static Thread pump(InputStream in, LineSink sink) {
        Thread t = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException ignored) {
                // the child is gone
            }
        }, "child-jvm-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
