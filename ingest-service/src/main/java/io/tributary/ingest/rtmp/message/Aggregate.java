package io.tributary.ingest.rtmp.message;

import io.tributary.ingest.rtmp.RtmpLimits;
import io.tributary.ingest.rtmp.RtmpProtocolException;
import io.tributary.ingest.rtmp.RtmpProtocolException.Reason;
import io.tributary.ingest.rtmp.chunk.RawMessage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aggregate message, type 22 (RTMP spec 7.1.6): audio, video and data sub-messages laid out like FLV tags (11-byte
 * header, body, 4-byte back pointer). The first sub-message's timestamp is re-based to the aggregate's own and the
 * others keep their distance to it; all take the aggregate's message stream id.
 *
 * @param parts {@link Audio}, {@link Video} and {@link DataAmf0} messages, in order
 */
public record Aggregate(int messageStreamId, long timestamp, List<RtmpMessage> parts) implements RtmpMessage {

    public static final int TYPE_ID = 22;
    private static final int SUB_HEADER = 11;
    private static final int BACK_POINTER = 4;

    public Aggregate {
        parts = List.copyOf(parts);
        for (RtmpMessage part : parts) {
            if (!(part instanceof Audio || part instanceof Video || part instanceof DataAmf0)) {
                throw new IllegalArgumentException("an aggregate holds audio, video and AMF0 data only: " + part);
            }
        }
    }

    /** Each sub-message is held to the limit of its own type, as if it had come alone (a data part to the command limit). */
    static Aggregate decode(RawMessage raw, RtmpLimits limits) {
        byte[] p = raw.payload();
        List<RtmpMessage> parts = new ArrayList<>();
        long offset = 0;
        int at = 0;
        while (at < p.length) {
            if (p.length - at < SUB_HEADER) {
                throw malformed("sub-message header truncated at offset " + at);
            }
            int type = p[at] & 0xFF;
            int size = BigEndian.uint24(p, at + 1);
            // FLV tag timestamp: 24 bits, then the most significant 8 bits
            long subTimestamp = BigEndian.uint24(p, at + 4) | (p[at + 7] & 0xFFL) << 24;
            at += SUB_HEADER;
            if (size > p.length - at) {
                throw malformed("sub-message of " + size + " bytes at offset " + (at - SUB_HEADER) + " exceeds the "
                        + p.length + "-byte aggregate");
            }
            if (size > limits.maxLengthOfType(type)) {
                throw malformed("sub-message of type " + type + " and " + size + " bytes, over the "
                        + limits.maxLengthOfType(type) + " allowed for its type");
            }
            if (parts.isEmpty()) {
                offset = raw.timestamp() - subTimestamp;
            }
            RawMessage sub = new RawMessage(type, raw.messageStreamId(),
                    (subTimestamp + offset) & RawMessage.TIMESTAMP_MASK, Arrays.copyOfRange(p, at, at + size));
            at += size;
            parts.add(switch (type) {
                case Audio.TYPE_ID -> Audio.decode(sub);
                case Video.TYPE_ID -> Video.decode(sub);
                case DataAmf0.TYPE_ID -> DataAmf0.decode(sub, limits.maxAmfDepth());
                default -> throw malformed("sub-message of type " + type);
            });
            if (p.length - at >= BACK_POINTER) {
                at += BACK_POINTER;
            } else if (at != p.length) {
                throw malformed("back pointer truncated at offset " + at);
            }
        }
        return new Aggregate(raw.messageStreamId(), raw.timestamp(), parts);
    }

    private static RtmpProtocolException malformed(String what) {
        return new RtmpProtocolException(Reason.MALFORMED_AGGREGATE, "aggregate: " + what);
    }

    @Override
    public int typeId() {
        return TYPE_ID;
    }

    /** Sub-messages keep their own timestamps; the aggregate's should be the first one's. */
    @Override
    public RawMessage encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (RtmpMessage part : parts) {
            RawMessage sub = part.encode();
            byte[] header = new byte[SUB_HEADER];
            header[0] = (byte) sub.typeId();
            BigEndian.putUint24(header, 1, sub.payload().length);
            BigEndian.putUint24(header, 4, (int) sub.timestamp());
            header[7] = (byte) (sub.timestamp() >>> 24);
            // bytes 8-10: stream id, always 0 as in FLV
            out.writeBytes(header);
            out.writeBytes(sub.payload());
            out.writeBytes(BigEndian.uint32(SUB_HEADER + sub.payload().length));
        }
        return new RawMessage(TYPE_ID, messageStreamId, timestamp, out.toByteArray());
    }
}
