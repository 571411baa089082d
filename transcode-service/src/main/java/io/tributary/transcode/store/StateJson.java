package io.tributary.transcode.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.media.event.EventJson;
import java.io.IOException;

/**
 * The JSON form of the per-channel state object: the state's records as they are (their components, nothing
 * derived), with the event contract's conventions (ISO-8601 instants, unknown fields ignored so that a newer
 * worker's extra fields do not stop an older one). The records' own constructors validate what is read back.
 */
public final class StateJson {
    private static final ObjectMapper MAPPER = EventJson.mapper()
            // a missing number is a broken state, not a zero
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // only the records' components: a helper like isVideo() is derived, not state
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);

    private StateJson() {
    }

    public static byte[] write(Object state) {
        try {
            return MAPPER.writeValueAsBytes(state);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + state.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** @throws IllegalArgumentException if the bytes are not a state of that type */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
