package io.tributary.ingest.rtmp.message;

import io.tributary.ingest.rtmp.chunk.RawMessage;
import io.tributary.media.amf.AmfValue;
import java.util.List;

/**
 * Command message of a client using AMF3 object encoding, type 17 (RTMP spec 7.1.1): a format byte 0,
 * then AMF0 values, each possibly switched to AMF3 by the 0x11 marker. We answer such clients in AMF0 (type 20),
 * as every server does; {@link #encode()} writes AMF0 values after the format byte.
 */
public record CommandAmf3(int messageStreamId, long timestamp, List<AmfValue> values) implements RtmpMessage {

    public static final int TYPE_ID = 17;

    public CommandAmf3 {
        values = List.copyOf(values);
    }

    static CommandAmf3 decode(RawMessage raw, int maxAmfDepth) {
        // a format byte 0x00, then AMF0 values that may switch to AMF3 (0x11); tolerate a missing format byte
        int start = raw.payload().length > 0 && raw.payload()[0] == 0 ? 1 : 0;
        List<AmfValue> values = AmfSequence.read(raw.payload(), start, maxAmfDepth);
        return new CommandAmf3(raw.messageStreamId(), raw.timestamp(), values);
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
        return "CommandAmf3[stream=" + messageStreamId + ", name=" + AmfValues.name(values)
                + ", values=" + values.size() + "]";
    }
}
