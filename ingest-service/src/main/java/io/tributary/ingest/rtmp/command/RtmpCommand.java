package io.tributary.ingest.rtmp.command;

import io.tributary.media.amf.AmfValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A command or data message a publishing client sends, parsed from its AMF values by {@link CommandParser}
 * (RTMP spec 7.2, and the FMLE/Flash commands every encoder sends since). Records that hold a stream name or a URL
 * print neither its key nor its query.
 */
public sealed interface RtmpCommand {

    /** The transaction id a response must repeat; 0 for commands that expect none and for data messages. */
    double transactionId();

    /**
     * {@code connect(txn, commandObject)} (7.2.1.1).
     *
     * @param tcUrl          the URL the client connected to (may hold a query with credentials)
     * @param objectEncoding 0 for AMF0, 3 for AMF3; echoed in the {@code _result}
     * @param properties     the whole command object, in wire order
     */
    record Connect(double transactionId, AppName app, String tcUrl, String flashVer, double objectEncoding,
                   Map<String, AmfValue> properties) implements RtmpCommand {
        public Connect {
            properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        }

        @Override
        public String toString() {
            return "Connect[transactionId=" + transactionId + ", app=" + app + ", flashVer=" + flashVer
                    + ", objectEncoding=" + objectEncoding + "]";
        }
    }

    /** {@code releaseStream(txn, null, name)}: FMLE/OBS habit before publishing, answered with {@code _result}. */
    record ReleaseStream(double transactionId, PublishName name) implements RtmpCommand {
    }

    /** {@code FCPublish(txn, null, name)}: answered with {@code onFCPublish} and {@code _result}. */
    record FCPublish(double transactionId, PublishName name) implements RtmpCommand {
    }

    /** {@code createStream(txn, null)} (7.2.1.3): answered with the new message stream id. */
    record CreateStream(double transactionId) implements RtmpCommand {
    }

    /**
     * {@code publish(0, null, name, type)} (7.2.2.6), sent on the message stream {@code createStream} made.
     *
     * @param name        empty when the client sent no name, null or false (Flash's way to stop publishing)
     * @param publishType "live", "record" or "append" as sent; "live" when absent
     */
    record Publish(double transactionId, int messageStreamId, PublishName name, String publishType)
            implements RtmpCommand {
    }

    /** {@code FCUnpublish(txn, null, name)}: the client is about to stop. */
    record FCUnpublish(double transactionId, PublishName name) implements RtmpCommand {
    }

    /** {@code deleteStream(txn, null, streamId)} (7.2.2.3); {@code streamId} is 0 if the argument is not a number. */
    record DeleteStream(double transactionId, int streamId) implements RtmpCommand {
    }

    /** {@code closeStream(txn, null)} on a message stream: stop publishing on it. */
    record CloseStream(double transactionId, int messageStreamId) implements RtmpCommand {
    }

    /** {@code getStreamLength(txn, null, name)}: sent by some players and encoders; answered with 0. */
    record GetStreamLength(double transactionId, PublishName name) implements RtmpCommand {
    }

    /**
     * Stream metadata: the data message {@code @setDataFrame(dataName, metadata)} encoders send, or a bare
     * {@code onMetaData(metadata)} (dataName "onMetaData"). {@code metadata} holds the ECMA array's or object's
     * properties in wire order, empty if the value was neither.
     */
    record SetDataFrame(int messageStreamId, long timestamp, String dataName, Map<String, AmfValue> metadata)
            implements RtmpCommand {
        public SetDataFrame {
            metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        }

        @Override
        public double transactionId() {
            return 0;
        }
    }

    /** Any other command ({@code _checkbw}, {@code play}...) or data message: harmless to ignore. */
    record Unknown(String name, double transactionId) implements RtmpCommand {

        /** Names worth a log line; anything else a client sends as a name could be anything, a key included. */
        private static final Set<String> PRINTABLE = Set.of("_checkbw", "play", "play2", "call", "close",
                "receiveAudio", "receiveVideo", "seek", "pause", "FCSubscribe", "FCUnsubscribe", "_result", "_error",
                "onStatus", "onBWDone", "onFCPublish", "onFCUnpublish", "@clearDataFrame", "onTextData", "onCuePoint",
                "|RtmpSampleAccess");

        @Override
        public String toString() {
            return "Unknown[name=" + (PRINTABLE.contains(name) ? name : "(other)") + ", transactionId="
                    + transactionId + "]";
        }
    }
}
