package io.tributary.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime layers keep their shape (STYLE.md "Shape"): {@code gop} is pure like the codecs (JDK and media-common),
 * and {@code session} holds no socket and no Kafka client — it reaches the connection through {@code Peer} and its
 * event loop through an {@code Executor}, so it can be tested alone. Checked on the sources, like
 * {@code RtmpPurityTest}.
 */
class LayeringTest {

    private static final Path ROOT = Path.of("src/main/java/io/tributary/ingest");

    @Test
    void gopImportsOnlyTheJdkAndMediaCommon() throws IOException {
        assertEquals(List.of(), importsOutside("gop", List.of("java.", "io.tributary.media.", "io.tributary.ingest.gop.")));
    }

    @Test
    void sessionImportsNeitherVertxNorKafkaClients() throws IOException {
        List<String> forbidden = new ArrayList<>();
        for (String line : imports("session")) {
            if (line.contains("io.vertx.") || line.contains("org.apache.kafka.") || line.contains("io.netty.")) {
                forbidden.add(line);
            }
        }
        assertEquals(List.of(), forbidden);
    }

    private static List<String> importsOutside(String pkg, List<String> allowed) throws IOException {
        List<String> violations = new ArrayList<>();
        for (String line : imports(pkg)) {
            String name = line.substring(line.indexOf(": import ") + ": import ".length()).replace("static ", "");
            if (allowed.stream().noneMatch(name::startsWith)) {
                violations.add(line);
            }
        }
        return violations;
    }

    /** "File.java: import x.y.Z;" for every import of the package's sources. */
    private static List<String> imports(String pkg) throws IOException {
        List<String> lines = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(ROOT.resolve(pkg))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        assertTrue(sources.size() >= 5, "found the sources of " + pkg);
        for (Path source : sources) {
            for (String line : Files.readAllLines(source)) {
                if (line.strip().startsWith("import ")) {
                    lines.add(source.getFileName() + ": " + line.strip());
                }
            }
        }
        return lines;
    }
}
