package io.tributary.kafka;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Adapters between the GOP record's metadata as media-common encodes it (header name to bytes, no Kafka types) and
 * Kafka record headers. The encoding itself, names and values, belongs to {@code io.tributary.media.gop}.
 */
public final class GopRecords {
    private GopRecords() {
    }

    /** Kafka headers for {@code values}, in the map's iteration order. */
    public static List<Header> headers(Map<String, byte[]> values) {
        List<Header> headers = new ArrayList<>(values.size());
        values.forEach((name, value) -> headers.add(new RecordHeader(name, value)));
        return headers;
    }

    /**
     * A lookup of header values by name for the decoder: the value of the last header of that name (Kafka allows
     * repeats; the last one written wins, as {@link Headers#lastHeader} defines), or null if there is none.
     */
    public static Function<String, byte[]> lastHeader(Headers headers) {
        return name -> {
            Header header = headers.lastHeader(name);
            return header == null ? null : header.value();
        };
    }
}
