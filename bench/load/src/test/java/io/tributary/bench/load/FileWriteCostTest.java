package io.tributary.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWriteCostTest {

    @Test
    void measuresBothPassesAndLeavesNoFile(@TempDir Path dir) throws IOException {
        FileWriteCost cost = FileWriteCost.measure(dir, 4, "in a test");

        assertTrue(cost.freshMillisPerMb() > 0, "writing costs some CPU: " + cost);
        assertTrue(cost.cachedMillisPerMb() > 0, "writing costs some CPU: " + cost);
        assertEquals(4 * 1_048_576 / 1e6, cost.megabytes(), 1e-9, "4 MiB, counted in MB of 10^6 bytes");
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count());
        }
    }
}
