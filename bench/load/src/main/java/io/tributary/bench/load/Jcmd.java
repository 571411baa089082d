package io.tributary.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One {@code jcmd <pid> <command>} against a JVM of the stack, bounded in time. */
final class Jcmd {

    private static final long TIMEOUT_SECONDS = 60;

    private Jcmd() {
    }

    /**
     * What jcmd printed. Its output goes through a file, not a pipe: a class histogram is larger than a pipe holds,
     * and reading a pipe to its end would wait for jcmd however long it takes, past any timeout.
     *
     * @throws IOException jcmd could not be started, or did not end within a minute
     */
    static String run(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(pid)));
        line.addAll(List.of(command));
        Path out = Files.createTempFile("jcmd-", ".txt");
        try {
            Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!jcmd.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                jcmd.destroyForcibly();
                throw new IOException("jcmd " + command[0] + " did not end within " + TIMEOUT_SECONDS + " s");
            }
            return Files.readString(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
