package io.tributary.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A local stack of our own for one run: {@code ./tributary up --no-build} on free loopback ports and a fresh data
 * directory, with the settings of the run in its environment (every service reads {@code TRIBUTARY_*} variables;
 * the launcher passes its environment on). Stopped with SIGTERM, which the launcher turns into an orderly stop.
 */
final class StackProcess implements AutoCloseable {

    private static final List<String> PORT_FLAGS = List.of("--rtmp-port", "--rtmps-port", "--kafka-port",
            "--kafka-controller-port", "--s3-port", "--auth-port", "--ingest-port", "--transcode-port",
            "--thumbnail-port", "--archive-port");

    private final Process process;
    private final Path dataDir;

    private StackProcess(Process process, Path dataDir) {
        this.process = process;
        this.dataDir = dataDir;
    }

    /**
     * @param root        the directory holding the {@code tributary} script and the built services
     * @param environment settings for the services, e.g. {@code TRIBUTARY_ARCHIVE_ENCODER_MODE=copy}
     */
    static StackProcess start(Path root, Path dataDir, Map<String, String> environment, long timeoutMillis)
            throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        List<String> command = new ArrayList<>(List.of(root.resolve("tributary").toString(), "up", "--no-build",
                "--data-dir", dataDir.toString()));
        for (String flag : PORT_FLAGS) {
            command.add(flag);
            command.add(Integer.toString(freePort()));
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("launcher.log").toFile());
        builder.environment().putAll(environment);
        StackProcess stack = new StackProcess(builder.start(), dataDir);
        // Ctrl-C of the generator, or its watchdog, still stops the stack
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stack.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-stack"));
        stack.awaitRunning(timeoutMillis);
        return stack;
    }

    Path stackJson() {
        return dataDir.resolve("stack.json");
    }

    private void awaitRunning(long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        ObjectMapper json = new ObjectMapper();
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the stack exited (" + process.exitValue() + "); see " + dataDir.resolve("launcher.log"));
            }
            if (Files.isRegularFile(stackJson())) {
                JsonNode facts = json.readTree(stackJson().toFile());
                if (facts.path("running").asBoolean(false) && facts.path("launcherPid").asLong() == process.pid()) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        close();
        throw new IOException("the stack was not up within " + timeoutMillis / 1000 + " s; see " + dataDir.resolve("launcher.log"));
    }

    /** A port nobody listens on now (the launcher checks again before it binds). */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Whether the launcher still runs (it exits when any child of the stack exits or is not live). */
    boolean alive() {
        return process.isAlive();
    }

    /** Idempotent: a second call finds the launcher gone. */
    @Override
    public synchronized void close() throws InterruptedException {
        if (process.isAlive()) {
            List<ProcessHandle> children = process.descendants().toList(); // ours: started by this launcher
            process.destroy(); // SIGTERM: the launcher's shutdown hook stops services, S3, then Kafka
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
