package io.tributary.ingest.rtmp;

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
 * The RTMP codec packages stay pure (STYLE.md "Codecs are pure"): only the JDK and io.tributary.media. Checked on
 * the sources, as ingest-service has no ArchUnit dependency; {@code RtmpConnection}, the one adapter, may live in
 * {@code io.tributary.ingest.rtmp} itself and is not checked.
 */
class RtmpPurityTest {

    private static final Path RTMP = Path.of("src/main/java/io/tributary/ingest/rtmp");
    private static final List<String> ALLOWED = List.of("java.", "javax.crypto.", "io.tributary.media.",
            "io.tributary.ingest.rtmp.");

    @Test
    void codecPackagesImportOnlyTheJdkAndMediaCommon() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (String pkg : List.of("handshake", "chunk", "message", "command")) {
            try (Stream<Path> files = Files.walk(RTMP.resolve(pkg))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
            }
        }
        sources.add(RTMP.resolve("RtmpLimits.java"));
        sources.add(RTMP.resolve("RtmpProtocolException.java"));
        assertTrue(sources.size() > 20, "found the sources: " + sources.size());
        List<String> violations = new ArrayList<>();
        for (Path source : sources) {
            for (String line : Files.readAllLines(source)) {
                String trimmed = line.strip();
                if (trimmed.startsWith("import ")) {
                    String name = trimmed.substring("import ".length()).replace("static ", "");
                    if (ALLOWED.stream().noneMatch(name::startsWith)) {
                        violations.add(source.getFileName() + ": " + trimmed);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
