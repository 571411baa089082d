package io.tributary.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CpuPriorityTest {
    private static final List<String> JAVA = List.of("/jdk/bin/java", "-jar", "quarkus-run.jar");
    private static final Optional<Path> NICE = Optional.of(Path.of("/usr/bin/nice"));

    @Test
    void backgroundServicesRunThroughNice() {
        assertEquals(List.of("/usr/bin/nice", "-n", "10", "/jdk/bin/java", "-jar", "quarkus-run.jar"),
                CpuPriority.command(JAVA, true, NICE));
    }

    @Test
    void liveServicesKeepNormalPriority() {
        assertEquals(JAVA, CpuPriority.command(JAVA, false, NICE));
    }

    @Test
    void withoutNiceEveryServiceRunsAsIs() {
        assertEquals(JAVA, CpuPriority.command(JAVA, true, Optional.empty()));
    }

    @Test
    void onlyThumbnailAndArchiveAreBackgroundWork() {
        assertEquals(List.of(StackService.THUMBNAIL, StackService.ARCHIVE),
                java.util.Arrays.stream(StackService.values()).filter(StackService::background).toList());
    }
}
