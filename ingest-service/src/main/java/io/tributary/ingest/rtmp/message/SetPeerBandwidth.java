package io.tributary.ingest.rtmp.message;

import io.tributary.ingest.rtmp.RtmpProtocolException;
import io.tributary.ingest.rtmp.RtmpProtocolException.Reason;
import io.tributary.ingest.rtmp.chunk.RawMessage;

/** Set Peer Bandwidth, type 6 (RTMP spec 5.4.5): window size and limit type. */
public record SetPeerBandwidth(long size, LimitType limitType) implements RtmpMessage {

    public static final int TYPE_ID = 6;

    public enum LimitType { HARD, SOFT, DYNAMIC }

    public SetPeerBandwidth {
        BigEndian.requireUint32(size, "window size");
    }

    static SetPeerBandwidth decode(byte[] payload) {
        BigEndian.require(payload, 5, "Set Peer Bandwidth");
        int limit = payload[4] & 0xFF;
        if (limit >= LimitType.values().length) {
            throw new RtmpProtocolException(Reason.MALFORMED_CONTROL_MESSAGE, "Set Peer Bandwidth limit type " + limit);
        }
        return new SetPeerBandwidth(BigEndian.uint32(payload, 0), LimitType.values()[limit]);
    }

    @Override
    public int typeId() {
        return TYPE_ID;
    }

    @Override
    public RawMessage encode() {
        byte[] p = new byte[5];
        BigEndian.putUint32(p, 0, size);
        p[4] = (byte) limitType.ordinal();
        return RtmpMessage.control(TYPE_ID, p);
    }
}
