package io.tributary.ingest.rtmp.message;

import java.util.Arrays;

/** The event inside a User Control message (RTMP spec 7.1.7): a 16-bit event type and its data. */
public sealed interface UserControlEvent {

    int eventType();

    /** 0: the server tells the client a stream became functional (sent after a successful publish or play). */
    record StreamBegin(long streamId) implements UserControlEvent {
        public int eventType() {
            return 0;
        }
    }

    /** 1: playback of a stream is over. */
    record StreamEof(long streamId) implements UserControlEvent {
        public int eventType() {
            return 1;
        }
    }

    /** 2: no more data on a stream. */
    record StreamDry(long streamId) implements UserControlEvent {
        public int eventType() {
            return 2;
        }
    }

    /** 3: the client's buffer length for a stream, in milliseconds. */
    record SetBufferLength(long streamId, long bufferLengthMillis) implements UserControlEvent {
        public int eventType() {
            return 3;
        }
    }

    /** 4: the stream is a recorded one. */
    record StreamIsRecorded(long streamId) implements UserControlEvent {
        public int eventType() {
            return 4;
        }
    }

    /** 6: the server checks the client is alive; the client answers with a {@link PingResponse} of the same time. */
    record PingRequest(long timestamp) implements UserControlEvent {
        public int eventType() {
            return 6;
        }
    }

    /** 7: the answer to a {@link PingRequest}. */
    record PingResponse(long timestamp) implements UserControlEvent {
        public int eventType() {
            return 7;
        }
    }

    /** Any other event type (Flash Player's buffer empty/ready 31/32, SWF verification 26/27...): kept, ignored. */
    record UnknownEvent(int eventType, byte[] data) implements UserControlEvent {
        @Override
        public boolean equals(Object o) {
            return o instanceof UnknownEvent e && eventType == e.eventType && Arrays.equals(data, e.data);
        }

        @Override
        public int hashCode() {
            return 31 * eventType + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "UnknownEvent[eventType=" + eventType + ", length=" + data.length + "]";
        }
    }
}
