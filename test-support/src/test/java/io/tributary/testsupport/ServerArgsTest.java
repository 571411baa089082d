package io.tributary.testsupport;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerArgsTest {
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("--port", "9092");
        DEFAULTS.put("--data-dir", ".tributary/kafka");
    }

    @Test
    void takesDefaultsForOptionsNotGiven() {
        ServerArgs args = ServerArgs.parse(new String[] {"--data-dir", "/tmp/k"}, DEFAULTS);
        assertEquals(9092, args.port("--port"));
        assertEquals("/tmp/k", args.text("--data-dir"));
    }

    @Test
    void rejectsAnUnknownOptionNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerArgs.parse(new String[] {"--prot", "1"}, DEFAULTS));
        assertTrue(e.getMessage().contains("--prot") && e.getMessage().contains("--port --data-dir"), e.getMessage());
    }

    @Test
    void rejectsAnOptionWithoutValue() {
        assertThrows(IllegalArgumentException.class, () -> ServerArgs.parse(new String[] {"--port"}, DEFAULTS));
    }

    @Test
    void rejectsAPortOutsideTcpRange() {
        ServerArgs args = ServerArgs.parse(new String[] {"--port", "70000"}, DEFAULTS);
        assertThrows(IllegalArgumentException.class, () -> args.port("--port"));
        ServerArgs words = ServerArgs.parse(new String[] {"--port", "ninety"}, DEFAULTS);
        assertThrows(IllegalArgumentException.class, () -> words.port("--port"));
    }
}
