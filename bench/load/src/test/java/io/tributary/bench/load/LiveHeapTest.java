package io.tributary.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LiveHeapTest {

    @Test
    void readsTheTotalBytesOfAClassHistogram() {
        // the head and tail of `jcmd <pid> GC.class_histogram` from a JDK 17 service of the stack
        String histogram = """
                16764:
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:         58533        8653352  [B (java.base@17.0.15)
                   2:         11158        1331720  java.lang.Class (java.base@17.0.15)
                Total        315989       20334768
                """;

        assertEquals(OptionalLong.of(20_334_768L), LiveHeap.histogramTotal(histogram));
    }

    @Test
    void findsNoTotalWhenJcmdFailed() {
        assertTrue(LiveHeap.histogramTotal("16764: com.sun.tools.attach.AttachNotSupportedException: Unable to open "
                + "socket file").isEmpty());
    }
}
