package io.tributary.ingest.gop;

import io.tributary.media.gop.GopMetadata;
import java.util.Objects;

/**
 * One record for {@code stream-gops}: its metadata (which becomes the Kafka headers) and its value, a self-contained
 * FLV fragment written by {@code GopRecordWriter}. The value array is owned by the record.
 */
public record GopRecord(GopMetadata metadata, byte[] value) {

    public GopRecord {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "GopRecord[sequence=" + metadata.sequence() + ", flags=" + metadata.flags() + ", start="
                + metadata.mediaStartMillis() + ", duration=" + metadata.mediaDurationMillis() + ", " + value.length
                + " bytes]";
    }
}
