package io.tributary.ingest.rtmp.message;

import io.tributary.ingest.rtmp.chunk.RawMessage;
import io.tributary.ingest.rtmp.message.UserControlEvent.PingRequest;
import io.tributary.ingest.rtmp.message.UserControlEvent.PingResponse;
import io.tributary.ingest.rtmp.message.UserControlEvent.SetBufferLength;
import io.tributary.ingest.rtmp.message.UserControlEvent.StreamBegin;
import io.tributary.ingest.rtmp.message.UserControlEvent.StreamDry;
import io.tributary.ingest.rtmp.message.UserControlEvent.StreamEof;
import io.tributary.ingest.rtmp.message.UserControlEvent.StreamIsRecorded;
import io.tributary.ingest.rtmp.message.UserControlEvent.UnknownEvent;
import java.util.Arrays;

/** User Control Message, type 4 (RTMP spec 6.2, 7.1.7): a 16-bit event type, then the event data. */
public record UserControl(UserControlEvent event) implements RtmpMessage {

    public static final int TYPE_ID = 4;

    static UserControl decode(byte[] p) {
        BigEndian.require(p, 2, "User Control");
        int type = BigEndian.uint16(p, 0);
        UserControlEvent event = switch (type) {
            case 0 -> new StreamBegin(uint32After(p, "Stream Begin"));
            case 1 -> new StreamEof(uint32After(p, "Stream EOF"));
            case 2 -> new StreamDry(uint32After(p, "Stream Dry"));
            case 3 -> {
                BigEndian.require(p, 10, "Set Buffer Length");
                yield new SetBufferLength(BigEndian.uint32(p, 2), BigEndian.uint32(p, 6));
            }
            case 4 -> new StreamIsRecorded(uint32After(p, "Stream Is Recorded"));
            case 6 -> new PingRequest(uint32After(p, "Ping Request"));
            case 7 -> new PingResponse(uint32After(p, "Ping Response"));
            default -> new UnknownEvent(type, Arrays.copyOfRange(p, 2, p.length));
        };
        return new UserControl(event);
    }

    private static long uint32After(byte[] p, String what) {
        BigEndian.require(p, 6, what);
        return BigEndian.uint32(p, 2);
    }

    @Override
    public int typeId() {
        return TYPE_ID;
    }

    @Override
    public RawMessage encode() {
        byte[] p;
        if (event instanceof SetBufferLength e) {
            p = new byte[10];
            BigEndian.putUint32(p, 2, e.streamId());
            BigEndian.putUint32(p, 6, e.bufferLengthMillis());
        } else if (event instanceof UnknownEvent e) {
            p = new byte[2 + e.data().length];
            System.arraycopy(e.data(), 0, p, 2, e.data().length);
        } else {
            p = new byte[6];
            BigEndian.putUint32(p, 2, singleValue(event));
        }
        BigEndian.putUint16(p, 0, event.eventType());
        return RtmpMessage.control(TYPE_ID, p);
    }

    private static long singleValue(UserControlEvent event) {
        if (event instanceof StreamBegin e) {
            return e.streamId();
        } else if (event instanceof StreamEof e) {
            return e.streamId();
        } else if (event instanceof StreamDry e) {
            return e.streamId();
        } else if (event instanceof StreamIsRecorded e) {
            return e.streamId();
        } else if (event instanceof PingRequest e) {
            return e.timestamp();
        } else if (event instanceof PingResponse e) {
            return e.timestamp();
        }
        throw new IllegalStateException("not a single-value event: " + event);
    }
}
