package io.tributary.ingest.rtmp.message;

import io.tributary.ingest.rtmp.chunk.RawMessage;
import io.tributary.media.amf.AmfValue;
import java.util.List;

/**
 * Command message in AMF0, type 20 (RTMP spec 7.1.1): command name, transaction id, command object,
 * arguments.
 */
public record CommandAmf0(int messageStreamId, long timestamp, List<AmfValue> values) implements RtmpMessage {

    public static final int TYPE_ID = 20;

    public CommandAmf0 {
        values = List.copyOf(values);
    }

    static CommandAmf0 decode(RawMessage raw, int maxAmfDepth) {
        List<AmfValue> values = AmfSequence.read(raw.payload(), 0, maxAmfDepth);
        return new CommandAmf0(raw.messageStreamId(), raw.timestamp(), values);
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
        return "CommandAmf0[stream=" + messageStreamId + ", name=" + AmfValues.name(values)
                + ", values=" + values.size() + "]";
    }
}
