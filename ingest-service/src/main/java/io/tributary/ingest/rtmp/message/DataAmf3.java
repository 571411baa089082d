package io.tributary.ingest.rtmp.message;

import io.tributary.ingest.rtmp.chunk.RawMessage;
import io.tributary.media.amf.AmfValue;
import java.util.List;

/**
 * Data message of a client using AMF3 object encoding, type 15 (RTMP spec 7.1.2): like {@link CommandAmf3}
 * (optional format byte 0, AMF0 values with AMF3 switches).
 */
public record DataAmf3(int messageStreamId, long timestamp, List<AmfValue> values) implements RtmpMessage {

    public static final int TYPE_ID = 15;

    public DataAmf3 {
        values = List.copyOf(values);
    }

    static DataAmf3 decode(RawMessage raw, int maxAmfDepth) {
        // a format byte 0x00, then AMF0 values that may switch to AMF3 (0x11); tolerate a missing format byte
        int start = raw.payload().length > 0 && raw.payload()[0] == 0 ? 1 : 0;
        List<AmfValue> values = AmfSequence.read(raw.payload(), start, maxAmfDepth);
        return new DataAmf3(raw.messageStreamId(), raw.timestamp(), values);
    }

    @Override
    public int typeId() {
        return TYPE_ID;
    }

    @Override
    public RawMessage encode() {
        return new RawMessage(TYPE_ID, messageStreamId, timestamp, AmfSequence.write(1, values));
    }

    /** The name and the number of values only: the arguments may hold a stream key. */
    @Override
    public String toString() {
        return "DataAmf3[stream=" + messageStreamId + ", name=" + AmfValues.name(values)
                + ", values=" + values.size() + "]";
    }
}
