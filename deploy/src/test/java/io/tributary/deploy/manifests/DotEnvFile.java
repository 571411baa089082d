package io.tributary.deploy.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@code .env} file as docker-compose reads it: {@code NAME=value} lines, {@code #} comments, blank lines. */
public final class DotEnvFile {
    private DotEnvFile() {
    }

    public static Map<String, String> read(Path file) {
        Map<String, String> variables = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int equals = trimmed.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException(file + ": not NAME=value: " + line);
                }
                variables.put(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return variables;
    }
}
