package io.tributary.kafka;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class GopRecordsTest {
    @Test
    void makesOneKafkaHeaderPerValueInMapOrder() {
        Map<String, byte[]> values = new LinkedHashMap<>();
        values.put("tributary-seq", new byte[] {0, 0, 0, 0, 0, 0, 0, 7});
        values.put("tributary-flags", new byte[] {0x01});
        List<Header> headers = GopRecords.headers(values);
        assertEquals(List.of("tributary-seq", "tributary-flags"), headers.stream().map(Header::key).toList());
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, 7}, headers.get(0).value());
        assertArrayEquals(new byte[] {0x01}, headers.get(1).value());
    }

    @Test
    void readsTheLastHeaderOfANameAndNullForAMissingOne() {
        RecordHeaders headers = new RecordHeaders(new Header[] {
                new RecordHeader("tributary-flags", new byte[] {0x01}),
                new RecordHeader("tributary-flags", new byte[] {0x02})});
        Function<String, byte[]> lookup = GopRecords.lastHeader(headers);
        assertArrayEquals(new byte[] {0x02}, lookup.apply("tributary-flags"));
        assertNull(lookup.apply("tributary-seq"));
    }

    @Test
    void roundTripsThroughKafkaHeaders() {
        Map<String, byte[]> values = Map.of("a", new byte[] {1, 2}, "b", new byte[0]);
        RecordHeaders headers = new RecordHeaders(GopRecords.headers(values));
        Function<String, byte[]> lookup = GopRecords.lastHeader(headers);
        values.forEach((name, value) -> assertArrayEquals(value, lookup.apply(name), name));
    }
}
