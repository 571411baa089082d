package io.tributary.ingest.rtmp.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublishNameTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // publish name                     | key         | query
        "sk_1                               | sk_1        | ''",
        "sk_1?token=abc.def&exp=9           | sk_1        | token=abc.def&exp=9",
        "live/sk_1                          | sk_1        | ''",
        "a/b/sk_1?x=y                       | sk_1        | x=y",
        "sk_1?next=a/b                      | sk_1        | next=a/b",
        "?token=t                           | ''          | token=t",
        "live/                              | ''          | ''",
        "''                                 | ''          | ''",
        "sk_1?                              | sk_1        | ''",
        "sk?1?2                             | sk          | 1?2",
    })
    void splitsKeyFromPathAndQuery(String name, String key, String query) {
        PublishName parsed = PublishName.parse(name);
        assertEquals(key, parsed.key().value());
        assertEquals(query, parsed.query());
        assertEquals(key.isEmpty(), parsed.isEmpty());
    }

    @Test
    void neverPrintsKeyOrQuery() {
        PublishName name = PublishName.parse("live/sk_live_123?token=signed456");
        String text = name.toString();
        assertFalse(text.contains("sk_live_123"), text);
        assertFalse(text.contains("signed456"), text);
        assertFalse(name.key().toString().contains("sk_live_123"));
        assertTrue(text.contains("redacted"));
        assertEquals("StreamKey[empty]", PublishName.EMPTY.key().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // app                          | name        | query
        "live                           | live        | ''",
        "live?user=u&pass=p             | live        | user=u&pass=p",
        "live/                          | live        | ''",
        "app/inst?t=1                   | app/inst    | t=1",
        "''                             | ''          | ''",
    })
    void splitsAppFromItsQuery(String app, String name, String query) {
        AppName parsed = AppName.parse(app);
        assertEquals(name, parsed.name());
        assertEquals(query, parsed.query());
    }

    @Test
    void neverPrintsTheAppQuery() {
        String text = AppName.parse("live?user=u&pass=hunter2").toString();
        assertFalse(text.contains("hunter2"), text);
        assertTrue(text.contains("live"));
    }
}
