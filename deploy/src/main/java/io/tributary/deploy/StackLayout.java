package io.tributary.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where everything of one local stack lives: the repository it runs from, its ports, and its data directory
 * ({@code .tributary/} at the repository root unless {@code --data-dir} says otherwise):
 * <pre>
 * kafka/         the broker's log directory (KRaft metadata and topic data; kept across restarts)
 * s3/            the S3 server's files, one directory per bucket (kept across restarts)
 * logs/          one file per process, appended to: kafka.log, s3.log, auth.log...
 * secrets.json   S3 keys and the admin token, made once (mode 600)
 * stack.json     what {@code up} printed, as JSON, with a {@code running} flag
 * </pre>
 * The javacpp cache (the unpacked bundled ffmpeg) is always {@code .tributary/javacpp-cache} at the repository
 * root, the directory the Maven build uses too, so a stack on another data directory does not unpack 80 MB again.
 */
record StackLayout(Path root, Path dataDir, Map<StackPort, Integer> ports, Duration startTimeout) {

    static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);

    StackLayout {
        ports = Map.copyOf(ports);
    }

    /**
     * Reads {@code up}'s flags; a port comes from its flag, else its environment variable, else its default.
     *
     * @throws StackException on an unknown flag or a value that is not a port
     */
    static StackLayout parse(Path root, List<String> args, Map<String, String> environment) {
        Map<StackPort, Integer> ports = new EnumMap<>(StackPort.class);
        for (StackPort port : StackPort.values()) {
            String fromEnvironment = environment.get(port.environmentVariable());
            ports.put(port, fromEnvironment == null || fromEnvironment.isBlank()
                    ? port.defaultPort()
                    : parsePort(port.environmentVariable(), fromEnvironment));
        }
        Path dataDir = root.resolve(".tributary");
        Duration startTimeout = DEFAULT_START_TIMEOUT;
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String flag = rest.remove(0);
            String inlineValue = null;
            int equals = flag.indexOf('=');
            if (flag.startsWith("--") && equals > 0) {
                inlineValue = flag.substring(equals + 1);
                flag = flag.substring(0, equals);
            }
            if (flag.equals("--no-build")) {
                continue; // the ./tributary script's flag: the launcher itself never builds
            }
            String value = inlineValue != null ? inlineValue : takeValue(flag, rest);
            if (flag.equals("--data-dir")) {
                dataDir = root.resolve(value);
            } else if (flag.equals("--start-timeout")) {
                startTimeout = Duration.ofSeconds(parsePositive(flag, value));
            } else {
                StackPort port = portOfFlag(flag);
                ports.put(port, parsePort(flag, value));
            }
        }
        return new StackLayout(root.toAbsolutePath().normalize(), dataDir.toAbsolutePath().normalize(), ports,
                startTimeout);
    }

    int port(StackPort port) {
        return ports.get(port);
    }

    Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    Path s3Dir() {
        return dataDir.resolve("s3");
    }

    Path logsDir() {
        return dataDir.resolve("logs");
    }

    Path secretsFile() {
        return dataDir.resolve("secrets.json");
    }

    Path factsFile() {
        return dataDir.resolve("stack.json");
    }

    Path javacppCacheDir() {
        return root.resolve(".tributary").resolve("javacpp-cache");
    }

    /** The launcher's runtime classpath, copied by {@code mvn package} in deploy; it holds the Kafka and S3 mains. */
    Path libDir() {
        return root.resolve("deploy").resolve("target").resolve("lib");
    }

    private static String takeValue(String flag, List<String> rest) {
        if (rest.isEmpty()) {
            throw new StackException(flag + " needs a value; see ./tributary help");
        }
        return rest.remove(0);
    }

    private static StackPort portOfFlag(String flag) {
        for (StackPort port : StackPort.values()) {
            if (port.flag().equals(flag)) {
                return port;
            }
        }
        throw new StackException("unknown option " + flag + "; see ./tributary help");
    }

    private static int parsePort(String source, String value) {
        int port = parsePositive(source, value);
        if (port > 65535) {
            throw new StackException(source + " must be a TCP port (1-65535), not " + value);
        }
        return port;
    }

    private static int parsePositive(String source, String value) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the flag's name
        }
        throw new StackException(source + " must be a positive number, not '" + value + "'");
    }
}
