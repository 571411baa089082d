package io.tributary.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which services may wait for a CPU. Thumbnails and archives are batch work: a picture a minute, an MP4 after the
 * session; neither is on the path from a GOP's close to the playlist a viewer waits for. When the machine's cores are
 * saturated, the scheduler should give them to ingest, Kafka, the S3 server and transcode first, and let the batch
 * workers catch up from their Kafka backlog, which they are built for (they commit only what they finished).
 * bench/load's ramp checks that they still keep up (their consumer backlog at the end of each step).
 *
 * <p>How: the launcher starts those JVMs through {@code nice -n 10} where the {@code nice} program exists (any Linux
 * or macOS); their threads, and any ffmpeg they run, inherit the priority. {@code nice} executes the JVM in its own
 * process, so the child's pid, signals and output are the JVM's. Without {@code nice} they run at normal priority.
 * In containers the same is the orchestrator's job (CPU shares or requests, docs/operating.md).
 */
final class CpuPriority {
    /** Lower than the live path, still far from idle-only (19): a background worker is slowed, never starved. */
    static final int BACKGROUND_NICENESS = 10;

    private static final List<Path> NICE = List.of(Path.of("/usr/bin/nice"), Path.of("/bin/nice"));

    private CpuPriority() {
    }

    /** {@code command}, run at background priority when {@code background} and {@code nice} is at hand. */
    static List<String> command(List<String> command, boolean background, Optional<Path> nice) {
        if (!background || nice.isEmpty()) {
            return command;
        }
        List<String> niced = new ArrayList<>(List.of(nice.get().toString(), "-n",
                String.valueOf(BACKGROUND_NICENESS)));
        niced.addAll(command);
        return niced;
    }

    /** The {@code nice} program of this machine, if any. */
    static Optional<Path> nice() {
        return NICE.stream().filter(Files::isExecutable).findFirst();
    }
}
