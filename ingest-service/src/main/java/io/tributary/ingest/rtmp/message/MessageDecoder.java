package io.tributary.ingest.rtmp.message;

import io.tributary.ingest.rtmp.RtmpLimits;
import io.tributary.ingest.rtmp.RtmpProtocolException;
import io.tributary.ingest.rtmp.chunk.RawMessage;

/**
 * Decodes the messages the chunk stream delivers by type id. Unknown type ids become {@link UnknownMessage}, never
 * an error; a known type whose payload does not fit it is an {@link RtmpProtocolException}.
 */
public final class MessageDecoder {

    private final RtmpLimits limits;

    public MessageDecoder(RtmpLimits limits) {
        this.limits = limits;
    }

    /** @throws RtmpProtocolException if the payload does not fit its type */
    public RtmpMessage decode(RawMessage raw) {
        byte[] p = raw.payload();
        int depth = limits.maxAmfDepth();
        return switch (raw.typeId()) {
            case SetChunkSize.TYPE_ID -> SetChunkSize.decode(p);
            case Abort.TYPE_ID -> Abort.decode(p);
            case Acknowledgement.TYPE_ID -> Acknowledgement.decode(p);
            case UserControl.TYPE_ID -> UserControl.decode(p);
            case WindowAcknowledgementSize.TYPE_ID -> WindowAcknowledgementSize.decode(p);
            case SetPeerBandwidth.TYPE_ID -> SetPeerBandwidth.decode(p);
            case Audio.TYPE_ID -> Audio.decode(raw);
            case Video.TYPE_ID -> Video.decode(raw);
            case DataAmf3.TYPE_ID -> DataAmf3.decode(raw, depth);
            case SharedObject.TYPE_ID_AMF3, SharedObject.TYPE_ID_AMF0 -> SharedObject.decode(raw);
            case CommandAmf3.TYPE_ID -> CommandAmf3.decode(raw, depth);
            case DataAmf0.TYPE_ID -> DataAmf0.decode(raw, depth);
            case CommandAmf0.TYPE_ID -> CommandAmf0.decode(raw, depth);
            case Aggregate.TYPE_ID -> Aggregate.decode(raw, limits);
            default -> UnknownMessage.decode(raw);
        };
    }
}
