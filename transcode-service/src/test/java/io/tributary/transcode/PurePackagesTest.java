package io.tributary.transcode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaging layer stays pure: no framework, broker, storage or network client in {@code cmaf} and
 * {@code manifest}; the box layer and the manifests do not even know FLV. Checked on the sources' imports, so
 * the rule holds without a bytecode-analysis dependency.
 */
class PurePackagesTest {
    private static final Path MAIN = Path.of("src/main/java/io/tributary/transcode");
    private static final List<String> IMPURE = List.of("import io.quarkus", "import jakarta.", "import javax.inject",
            "import org.apache.kafka", "import io.minio", "import io.vertx", "import io.smallrye", "import java.net.",
            "import java.nio.file", "import java.io.File");

    @Test
    void packagingImportsNoFrameworkStorageOrNetwork() {
        assertEquals(List.of(), offending(Stream.of("cmaf", "manifest"), IMPURE));
    }

    @Test
    void boxesAndManifestsDoNotDependOnMediaCommon() {
        assertEquals(List.of(), offending(Stream.of("cmaf/box", "manifest"), List.of("import io.tributary.media")));
    }

    private static List<String> offending(Stream<String> packages, List<String> forbidden) {
        return packages.flatMap(p -> javaFiles(MAIN.resolve(p)))
                .flatMap(file -> lines(file).filter(l -> forbidden.stream().anyMatch(l::startsWith))
                        .map(l -> MAIN.relativize(file) + ": " + l))
                .collect(Collectors.toList());
    }

    private static Stream<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
