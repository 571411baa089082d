package io.tributary.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A local stack started as a user starts it, {@code ./tributary up --no-build}, on free ports and a data directory
 * of its own (emptied first), for the tests that need the whole system: {@link LocalStackIT}, {@link EndToEndIT}.
 * The services must be packaged: in {@code mvn verify} deploy is the last module of the reactor.
 * {@link #close()} kills whatever is left, so a failed test leaves no process behind.
 */
final class LaunchedStack implements AutoCloseable {

    private final Path root;
    private final Path dataDir;
    private final Map<StackPort, Integer> ports;
    private final Path launcherOutput;
    private final Process launcher;
    private StackFacts facts;

    private LaunchedStack(Path root, Path dataDir, Map<StackPort, Integer> ports, Path launcherOutput,
            Process launcher) {
        this.root = root;
        this.dataDir = dataDir;
        this.ports = ports;
        this.launcherOutput = launcherOutput;
        this.launcher = launcher;
    }

    /**
     * Starts the stack and waits until its stack.json says it is running.
     *
     * @param dataDirName the data directory under {@code deploy/target}, emptied first
     * @throws AssertionError naming what is missing, or with the launcher's last lines if it does not come up
     */
    static LaunchedStack start(String dataDirName, Duration upTimeout) throws IOException, InterruptedException {
        return start(dataDirName, upTimeout, Map.of());
    }

    /**
     * Starts the stack with settings in the launcher's environment, as a user sets them on the command line
     * ({@code TRIBUTARY_TRANSCODE_LADDER_RUNGS=240p ./tributary up}): every process of the stack inherits them, and
     * each service reads the ones it knows. The launcher's own settings (ports, endpoints, keys) still win.
     */
    static LaunchedStack start(String dataDirName, Duration upTimeout, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path root = repositoryRoot();
        List<String> unpackaged = new ArrayList<>();
        for (StackService service : StackService.values()) {
            if (!Files.isRegularFile(service.runnableJar(root))) {
                unpackaged.add(service.module());
            }
        }
        if (!unpackaged.isEmpty()) {
            throw new AssertionError(unpackaged + " not packaged; run mvn -DskipTests install at the root first");
        }
        Path dataDir = root.resolve("deploy/target").resolve(dataDirName);
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        Path launcherOutput = dataDir.resolve("launcher.out");
        Map<StackPort, Integer> ports = freePorts();
        List<String> command = new ArrayList<>(List.of(root.resolve("tributary").toString(), "up", "--no-build",
                "--data-dir", dataDir.toString(), "--start-timeout", String.valueOf(upTimeout.toSeconds())));
        ports.forEach((port, number) -> command.addAll(List.of(port.flag(), String.valueOf(number))));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(launcherOutput.toFile());
        builder.environment().putAll(environment);
        Process launcher = builder.start();
        LaunchedStack stack = new LaunchedStack(root, dataDir, ports, launcherOutput, launcher);
        try {
            stack.facts = stack.awaitRunningFacts(upTimeout);
        } catch (AssertionError | IOException | InterruptedException | RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    Path root() {
        return root;
    }

    Path dataDir() {
        return dataDir;
    }

    Map<StackPort, Integer> ports() {
        return ports;
    }

    StackFacts facts() {
        return facts;
    }

    Process launcher() {
        return launcher;
    }

    Path launcherOutput() {
        return launcherOutput;
    }

    /** Sends SIGTERM, as kill or a process supervisor does, and waits for the launcher to end. */
    boolean stop(Duration timeout) throws InterruptedException {
        launcher.destroy();
        return launcher.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The last lines of the launcher's output (every child's lines, prefixed), for failure messages. */
    String launcherLog() {
        return tail(launcherOutput, 60);
    }

    /** The last lines of one process's log ({@code logs/ingest.log}...). */
    String log(String name, int lines) {
        return tail(dataDir.resolve("logs").resolve(name + ".log"), lines);
    }

    @Override
    public void close() {
        if (launcher.isAlive()) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    private StackFacts awaitRunningFacts(Duration upTimeout) throws IOException, InterruptedException {
        Path file = dataDir.resolve("stack.json");
        Instant deadline = Instant.now().plus(upTimeout);
        while (Instant.now().isBefore(deadline)) {
            if (!launcher.isAlive()) {
                throw new AssertionError("launcher exited with " + launcher.exitValue() + " before the stack was up\n"
                        + launcherLog());
            }
            if (Files.exists(file)) {
                StackFacts read = StackFacts.read(file);
                if (read.running()) {
                    return read;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("stack not up within " + upTimeout + "\n" + launcherLog());
    }

    /** Ten distinct ports the kernel just handed out, held together so none is given twice. */
    private static Map<StackPort, Integer> freePorts() throws IOException {
        Map<StackPort, Integer> ports = new EnumMap<>(StackPort.class);
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (StackPort port : StackPort.values()) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                ports.put(port, socket.getLocalPort());
            }
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
        return ports;
    }

    private static String tail(Path file, int count) {
        try {
            List<String> lines = Files.readAllLines(file);
            return "last lines of " + file + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(no " + file + ": " + e.getMessage() + ")";
        }
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isExecutable(dir.resolve("tributary"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no ./tributary above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
