package io.tributary.thumbnail.render;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RenderSettingsTest {

    @Test
    void rejectsSettingsAnEncoderCannotUse() {
        assertThrows(IllegalArgumentException.class, () -> new RenderSettings(641, OptionalInt.empty(), 3));
        assertThrows(IllegalArgumentException.class, () -> new RenderSettings(0, OptionalInt.empty(), 3));
        assertThrows(IllegalArgumentException.class, () -> new RenderSettings(640, OptionalInt.of(161), 3));
        assertThrows(IllegalArgumentException.class, () -> new RenderSettings(640, OptionalInt.empty(), 1));
        assertThrows(IllegalArgumentException.class, () -> new RenderSettings(640, OptionalInt.empty(), 32));
    }
}
