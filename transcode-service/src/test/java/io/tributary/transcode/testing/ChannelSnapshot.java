package io.tributary.transcode.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.storage.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Every object under a channel's {@code live/} prefix, to compare one run's output with another's. */
public final class ChannelSnapshot {
    private ChannelSnapshot() {
    }

    /** Key to bytes, sorted by key. */
    public static Map<String, byte[]> of(ObjectStore objects, String channel) {
        Map<String, byte[]> all = new TreeMap<>();
        for (String key : objects.list("live/" + channel + "/")) {
            all.put(key, objects.get(key).orElseThrow());
        }
        return all;
    }

    /** The same keys with the same bytes; the MPD's publishTime (when it was written) aside. */
    public static void assertIdentical(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String key : expected.keySet()) {
            if (key.endsWith(".mpd")) {
                assertEquals(withoutPublishTime(expected.get(key)), withoutPublishTime(actual.get(key)), key);
            } else {
                assertArrayEquals(expected.get(key), actual.get(key), key);
            }
        }
    }

    private static String withoutPublishTime(byte[] mpd) {
        return new String(mpd, StandardCharsets.UTF_8).replaceAll("publishTime=\"[^\"]*\"", "");
    }
}
