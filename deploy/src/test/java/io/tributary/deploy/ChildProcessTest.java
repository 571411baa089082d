package io.tributary.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(consoleBytes, true, StandardCharsets.UTF_8);

    @Test
    void prefixesEveryLineOfStdoutAndStderrAndAppendsItToTheLog() throws IOException {
        Path log = dir.resolve("logs/demo.log");
        ChildProcess child = start("demo", "echo one; echo two >&2; echo READY; exec sleep 30", log, "READY");

        child.awaitReadyLine(Duration.ofSeconds(10));
        child.requestStop();
        child.awaitStopped(Duration.ofSeconds(5), console);

        String printed = consoleBytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("[demo] one\n"), printed);
        assertTrue(printed.contains("[demo] two\n"), printed);
        List<String> logged = Files.readAllLines(log);
        assertTrue(logged.get(0).startsWith("---- "), logged.get(0));
        assertEquals(List.of("one", "two", "READY"), logged.subList(1, 4));
    }

    @Test
    void keepsSecretOptionValuesOutOfTheLog() throws IOException {
        Path log = dir.resolve("secret.log");
        ChildProcess child = ChildProcess.start("secret",
                List.of("sh", "-c", "echo READY", "--access-key", "AKIA", "--secret-key", "s3cr3t", "--port", "9000"),
                Map.of(), dir, log, "READY", console);
        child.awaitReadyLine(Duration.ofSeconds(10));
        child.awaitStopped(Duration.ofSeconds(5), console);

        String logged = Files.readString(log);
        assertFalse(logged.contains("AKIA") || logged.contains("s3cr3t"), logged);
        assertTrue(logged.contains("--secret-key <redacted> --port 9000"), logged);
    }

    @Test
    void appendsToTheLogOfThePreviousRun() throws IOException {
        Path log = dir.resolve("again.log");
        for (int run = 0; run < 2; run++) {
            ChildProcess child = start("again", "echo READY", log, "READY");
            child.awaitReadyLine(Duration.ofSeconds(10));
            child.awaitStopped(Duration.ofSeconds(5), console);
        }

        assertEquals(2, Files.readAllLines(log).stream().filter("READY"::equals).count());
    }

    @Test
    void reportsAChildThatExitsBeforeItIsReadyWithItsLastLines() {
        ChildProcess child = start("broken", "echo 'port 9092 is taken'; exit 3", dir.resolve("broken.log"), "READY");

        StackException e = assertThrows(StackException.class, () -> child.awaitReadyLine(Duration.ofSeconds(10)));

        assertTrue(e.getMessage().startsWith("broken exited with code 3"), e.getMessage());
        assertTrue(e.getMessage().contains("port 9092 is taken"), e.getMessage());
    }

    @Test
    void reportsAChildThatStaysSilentPastTheTimeout() {
        ChildProcess child = start("silent", "exec sleep 30", dir.resolve("silent.log"), "READY");
        try {
            StackException e = assertThrows(StackException.class,
                    () -> child.awaitReadyLine(Duration.ofMillis(300)));
            assertTrue(e.getMessage().contains("silent did not print 'READY'"), e.getMessage());
        } finally {
            child.requestStop();
            child.awaitStopped(Duration.ofSeconds(5), console);
        }
    }

    @Test
    void killsAChildThatIgnoresSigtermAndWhatItStarted() {
        ChildProcess child = start("stubborn",
                "trap '' TERM; sleep 60 & echo READY; while true; do sleep 0.1; done", dir.resolve("s.log"), "READY");
        child.awaitReadyLine(Duration.ofSeconds(10));
        List<ProcessHandle> descendants = ProcessHandle.of(child.pid()).orElseThrow().descendants().toList();
        assertFalse(descendants.isEmpty());

        child.requestStop();
        child.awaitStopped(Duration.ofMillis(500), console);

        assertFalse(child.isAlive());
        for (ProcessHandle descendant : descendants) {
            descendant.onExit().orTimeout(5, TimeUnit.SECONDS).join();
        }
        assertTrue(consoleBytes.toString(StandardCharsets.UTF_8).contains("did not stop within"));
    }

    @Test
    void startsTheChildInASessionOfItsOwnSoCtrlCReachesOnlyTheLauncher() throws IOException {
        assumeTrue(utilLinuxPresent(), "setsid/setpriv not installed");
        ChildProcess child = start("session", "echo READY; exec sleep 30", dir.resolve("session.log"), "READY");
        try {
            child.awaitReadyLine(Duration.ofSeconds(10));
            assertEquals(child.pid(), sessionOf(child.pid()));
            assertNotEquals(sessionOf(ProcessHandle.current().pid()), sessionOf(child.pid()));
        } finally {
            child.requestStop();
            child.awaitStopped(Duration.ofSeconds(5), console);
        }
    }

    @Test
    void childGetsSigtermWhenTheThreadThatStartedItEnds() throws InterruptedException {
        assumeTrue(utilLinuxPresent(), "setsid/setpriv not installed");
        AtomicReference<ChildProcess> started = new AtomicReference<>();
        Thread starter = new Thread(() -> {
            ChildProcess child = ChildProcess.start("orphan", List.of("sleep", "60"), Map.of(),
                    dir, dir.resolve("orphan.log"), null, console);
            started.set(child);
            // the parent-death signal is armed by setpriv once it runs: a thread that ended before that would
            // leave nothing to signal (a race of this test only; the launcher's threads outlive their children)
            awaitExec(child, "sleep");
        });
        starter.start();
        starter.join();

        ChildProcess child = started.get();
        child.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        assertFalse(child.isAlive());
    }

    private static void awaitExec(ChildProcess child, String program) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            boolean running = ProcessHandle.of(child.pid()).flatMap(h -> h.info().command())
                    .map(c -> c.endsWith("/" + program)).orElse(false);
            if (running) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private ChildProcess start(String name, String script, Path log, String readyText) {
        return ChildProcess.start(name, List.of("sh", "-c", script), Map.of(), dir, log, readyText, console);
    }

    private static boolean utilLinuxPresent() {
        return Files.isExecutable(Path.of("/usr/bin/setsid")) && Files.isExecutable(Path.of("/usr/bin/setpriv"));
    }

    /** Field 6 of /proc/PID/stat (proc(5)); the command in field 2 is in parentheses and may hold spaces. */
    private static long sessionOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] afterCommand = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(afterCommand[3]);
    }
}
