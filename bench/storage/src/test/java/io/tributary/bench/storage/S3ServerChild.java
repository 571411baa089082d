package io.tributary.bench.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's S3 server as the local stack runs it: {@code S3ServerMain} in its own JVM with {@code -Xmx256m}
 * (deploy's {@code StackLauncher}), here on this JVM's class path and a free port. Its CPU time is read from
 * {@code /proc} ({@link ProcessCpu}), so it is the server's alone.
 */
final class S3ServerChild implements AutoCloseable {
    private static final String MAIN = "io.tributary.testsupport.s3.S3ServerMain";
    private static final Pattern READY = Pattern.compile("S3 READY (http://127\\.0\\.0\\.1:\\d+)");

    private final Process process;
    private final String endpoint;

    private S3ServerChild(Process process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** @param jvmOptions extra options for the server JVM (e.g. {@code -XX:TieredStopAtLevel=1}), may be empty */
    static S3ServerChild start(Path dataDir, String accessKey, String secretKey, String bucket, List<String> jvmOptions,
            List<String> serverArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN,
                "--port", "0", "--data-dir", dataDir.toString(),
                "--access-key", accessKey, "--secret-key", secretKey, "--bucket", bucket));
        command.addAll(serverArgs);
        Path log = Files.createTempFile("bench-s3-", ".log");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        try {
            // the JVM itself may print first (-Xlog, JFR's "Started recording")
            line = CompletableFuture.supplyAsync(() -> {
                try {
                    String l;
                    while ((l = out.readLine()) != null && !READY.matcher(l).matches()) {
                        continue;
                    }
                    return l;
                } catch (IOException e) {
                    return null;
                }
            }).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            line = null;
        }
        Matcher ready = line == null ? null : READY.matcher(line);
        if (ready == null || !ready.matches()) {
            process.destroyForcibly();
            throw new IllegalStateException("S3 server did not say READY (got " + line + "); stderr in " + log + ": "
                    + Files.readString(log));
        }
        return new S3ServerChild(process, ready.group(1));
    }

    String endpoint() {
        return endpoint;
    }

    ProcessCpu cpu() {
        return ProcessCpu.of(process.pid());
    }

    /** Resident set size in MB. */
    double rssMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return 0;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
