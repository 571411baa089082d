package io.tributary.ingest.rtmp.message;

import io.tributary.ingest.rtmp.chunk.RawMessage;
import io.tributary.media.amf.AmfValue;
import java.util.List;

/**
 * Data message in AMF0, type 18 (RTMP spec 7.1.2): metadata such as {@code @setDataFrame} /
 * {@code onMetaData}.
 */
public record DataAmf0(int messageStreamId, long timestamp, List<AmfValue> values) implements RtmpMessage {

    public static final int TYPE_ID = 18;

    public DataAmf0 {
        values = List.copyOf(values);
    }

    static DataAmf0 decode(RawMessage raw, int maxAmfDepth) {
        List<AmfValue> values = AmfSequence.read(raw.payload(), 0, maxAmfDepth);
        return new DataAmf0(raw.messageStreamId(), raw.timestamp(), values);
    }

    @Override
    public int typeId() {
        return TYPE_ID;
    }

    @Override
    public RawMessage encode() {
        return new RawMessage(TYPE_ID, messageStreamId, timestamp, AmfSequence.write(0, values));
    }

    /** The name and the number of values only: the arguments may hold a stream key. */
    @Override
    public String toString() {
        return "DataAmf0[stream=" + messageStreamId + ", name=" + AmfValues.name(values)
                + ", values=" + values.size() + "]";
    }
}
