package io.tributary.deploy;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One process of the stack (Kafka, the S3 server, a service): started with stdout and stderr merged, each
 * line copied to the launcher's stdout behind {@code [name] } and appended to its log file, the last lines
 * kept for error messages.
 *
 * <p>Children are started under {@code setsid} so that Ctrl-C in the terminal reaches only the launcher, which
 * then stops them in order (services, S3, Kafka) instead of all at once; and under
 * {@code setpriv --pdeathsig TERM} so that a launcher killed with SIGKILL still takes them down: the kernel
 * sends SIGTERM to each child when the thread that started it dies (prctl(2) PR_SET_PDEATHSIG). That thread
 * must therefore live as long as the stack: the launcher starts every child from its main thread and keeps it
 * waiting. Where util-linux is missing the children run without either (Ctrl-C still stops them, only not in
 * order, and a hard kill of the launcher leaves them running).
 */
final class ChildProcess {

    private static final int TAIL_LINES = 40;
    private static final List<String> DETACH = detachPrefix();

    private final String name;
    private final Process process;
    private final Path logFile;
    private final String readyText;
    private final CompletableFuture<Void> readyLineSeen = new CompletableFuture<>();
    private final Deque<String> tail = new ArrayDeque<>();
    private final Thread pump;

    private ChildProcess(String name, Process process, Path logFile, String readyText, BufferedWriter log,
            PrintStream console) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.readyText = readyText;
        this.pump = new Thread(() -> pump(log, console), "output-" + name);
        this.pump.setDaemon(true);
        this.pump.start();
    }

    /**
     * @param readyText a text the child prints once it serves (for {@link #awaitReadyLine}); null if it has none
     */
    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
            Path logFile, String readyText, PrintStream console) {
        List<String> fullCommand = new ArrayList<>(DETACH);
        fullCommand.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(fullCommand).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        BufferedWriter log = null;
        try {
            Files.createDirectories(logFile.getParent());
            log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            log.write("---- " + Instant.now() + " starting " + name + ": " + String.join(" ", redacted(command)));
            log.newLine();
            log.flush();
            Process process = builder.start();
            return new ChildProcess(name, process, logFile, readyText, log, console);
        } catch (IOException e) {
            closeQuietly(log);
            throw new StackException("cannot start " + name + " (" + fullCommand.get(0) + "): " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /**
     * Waits until the child prints its ready text.
     *
     * @throws StackException if it exits first or stays silent past the deadline, with the last lines it printed
     */
    void awaitReadyLine(Duration timeout) {
        try {
            CompletableFuture.anyOf(readyLineSeen, process.onExit()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new StackException(name + " did not print '" + readyText + "' within " + timeout.toSeconds() + " s"
                    + lastLines());
        } catch (ExecutionException e) {
            throw new StackException(name + " failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for " + name);
        }
        if (!readyLineSeen.isDone()) {
            awaitOutputDrained(); // it exited: its last lines, the ready line among them maybe, may still be in the pipe
        }
        if (!readyLineSeen.isDone()) {
            throw exited();
        }
    }

    /** The error for a child that ended while the stack needed it, with the last lines of its output. */
    StackException exited() {
        awaitOutputDrained();
        return new StackException(name + " exited with code " + process.exitValue() + lastLines());
    }

    /** {@code \n}-prefixed last lines of this run's output, and where the whole log is. */
    String lastLines() {
        List<String> lines;
        synchronized (tail) {
            lines = new ArrayList<>(tail);
        }
        StringBuilder out = new StringBuilder("\nlast lines of ").append(logFile).append(':');
        for (String line : lines) {
            out.append("\n  ").append(line);
        }
        return out.toString();
    }

    /**
     * Sends SIGTERM, without waiting; {@link #awaitStopped} finishes the job. Through the process handle, because
     * {@link Process#destroy()} also closes our end of the output pipe and the child's last lines (how it shut
     * down) would be lost.
     */
    void requestStop() {
        process.toHandle().destroy();
    }

    /**
     * Waits for the child to end after {@link #requestStop}, kills it after the grace period, then kills whatever
     * it may have left behind (an ffmpeg a service started, say), so that nothing outlives the stack.
     */
    void awaitStopped(Duration grace, PrintStream console) {
        List<ProcessHandle> descendants = process.descendants().toList();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                console.println("[tributary] " + name + " did not stop within " + grace.toSeconds() + " s; killing it");
                process.toHandle().destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.toHandle().destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitOutputDrained();
    }

    private void pump(BufferedWriter log, PrintStream console) {
        String prefix = "[" + name + "] ";
        try (log; BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                console.println(prefix + line);
                log.write(line);
                log.newLine();
                log.flush();
                remember(line);
                if (readyText != null && line.contains(readyText)) {
                    readyLineSeen.complete(null);
                }
            }
        } catch (IOException e) {
            console.println(prefix + "(output no longer captured: " + e.getMessage() + ")");
        }
    }

    private void remember(String line) {
        synchronized (tail) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(line);
        }
    }

    private void awaitOutputDrained() {
        try {
            pump.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The command line as logged: the value after any {@code --*-key}, {@code --*-token} or {@code --*-secret}
     * option is hidden (the S3 server's keys are passed that way).
     */
    static List<String> redacted(List<String> command) {
        List<String> shown = new ArrayList<>(command.size());
        boolean hideNext = false;
        for (String arg : command) {
            shown.add(hideNext ? "<redacted>" : arg);
            hideNext = arg.startsWith("--") && (arg.endsWith("-key") || arg.endsWith("-token") || arg.endsWith("-secret"));
        }
        return shown;
    }

    private static List<String> detachPrefix() {
        Path setsid = onPath("setsid");
        Path setpriv = onPath("setpriv");
        if (setsid == null || setpriv == null) {
            return List.of();
        }
        return List.of(setsid.toString(), setpriv.toString(), "--pdeathsig", "TERM");
    }

    private static Path onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static void closeQuietly(BufferedWriter log) {
        if (log != null) {
            try {
                log.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
