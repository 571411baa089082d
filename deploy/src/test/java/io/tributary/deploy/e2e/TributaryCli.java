package io.tributary.deploy.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@code ./tributary <command> --data-dir DIR}, run as an operator runs it, against one stack's stack.json. */
public final class TributaryCli {

    private final Path script;
    private final Path dataDir;

    public TributaryCli(Path script, Path dataDir) {
        this.script = script;
        this.dataDir = dataDir;
    }

    /** What a run printed and how it ended. */
    public record Run(int exitStatus, String out, String err) {
    }

    /** @throws AssertionError when it does not end in time */
    public Run run(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(List.of(args));
        command.addAll(List.of("--data-dir", dataDir.toString()));
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
                new java.io.File("/dev/null"))).start();
        // a thread per pipe: the common pool may have one thread on two cores, and a full pipe would block the other
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./tributary " + String.join(" ", args) + " did not end within " + timeout);
        }
        return new Run(process.exitValue(), out.join(), err.join());
    }

    private static CompletableFuture<String> drain(java.io.InputStream in) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread thread = new Thread(() -> text.complete(read(in)), "tributary-cli-output");
        thread.setDaemon(true);
        thread.start();
        return text;
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
