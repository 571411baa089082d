package io.tributary.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which process of the stack is which: the launcher's children, named by their command lines (the Kafka and S3
 * mains of test-support, each service's {@code <module>/target/quarkus-app}). A role is a process and all its
 * descendants, e.g. thumbnail-service and its ffmpeg runs.
 */
final class StackRoles {

    static final List<String> SERVICES = List.of("ingest", "transcode", "thumbnail", "archive", "auth");
    static final String KAFKA = "kafka";
    static final String S3 = "s3";
    static final String LOAD = "load";

    private StackRoles() {
    }

    /** Role name to pid of its root process; the generator itself is {@link #LOAD}. */
    static Map<String, Long> find(long launcherPid) throws IOException {
        Map<String, Long> roles = new LinkedHashMap<>();
        for (long pid : childrenOf(launcherPid)) {
            String command = ProcStat.commandLine(pid);
            if (command.contains("KafkaBrokerMain")) {
                roles.put(KAFKA, pid);
            } else if (command.contains("S3ServerMain")) {
                roles.put(S3, pid);
            } else {
                for (String service : SERVICES) {
                    if (command.contains(service + "-service/target/quarkus-app")) {
                        roles.put(service, pid);
                    }
                }
            }
        }
        roles.put(LOAD, ProcessHandle.current().pid());
        return roles;
    }

    /** Every pid now in /proc with its parent. */
    static Map<Long, ProcStat> processes() throws IOException {
        Map<Long, ProcStat> all = new LinkedHashMap<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .forEach(n -> ProcStat.read(Long.parseLong(n)).ifPresent(s -> all.put(s.pid(), s)));
        }
        return all;
    }

    private static List<Long> childrenOf(long parent) throws IOException {
        return processes().values().stream().filter(s -> s.ppid() == parent).map(ProcStat::pid).toList();
    }
}
