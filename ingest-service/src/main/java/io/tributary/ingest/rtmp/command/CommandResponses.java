package io.tributary.ingest.rtmp.command;

import io.tributary.ingest.rtmp.command.RtmpCommand.Connect;
import io.tributary.ingest.rtmp.message.CommandAmf0;
import io.tributary.ingest.rtmp.message.RtmpMessage;
import io.tributary.ingest.rtmp.message.SetChunkSize;
import io.tributary.ingest.rtmp.message.SetPeerBandwidth;
import io.tributary.ingest.rtmp.message.UserControl;
import io.tributary.ingest.rtmp.message.UserControlEvent.StreamBegin;
import io.tributary.ingest.rtmp.message.WindowAcknowledgementSize;
import io.tributary.media.amf.AmfValue;
import io.tributary.media.amf.AmfValue.AmfObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages a server answers a publishing client with (RTMP spec 7.2, and what FMS, nginx-rtmp and ffmpeg's
 * server send, which encoders wait for). Send each on {@link RtmpMessage#preferredChunkStreamId()}.
 *
 * <p>Descriptions are fixed texts or a reason given by the caller; none contains a stream key, and callers must not
 * pass one.
 */
public final class CommandResponses {

    /** What FMS 3 reported; some clients parse it, none needs more. */
    public static final String FMS_VERSION = "FMS/3,0,1,123";
    /** FMS capabilities bit field as nginx-rtmp and ffmpeg send it. */
    public static final double CAPABILITIES = 31;

    private CommandResponses() {
    }

    /**
     * What a server sends when {@code connect} arrives, before its {@code _result}: our window (the client acks
     * every {@code windowAcknowledgementSize} bytes it receives), its window (dynamic limit), and our chunk size.
     * Send them in this order through the {@code ChunkEncoder}, which applies the Set Chunk Size to what follows.
     */
    public static List<RtmpMessage> controlAfterConnect(long windowAcknowledgementSize, long peerBandwidth,
                                                        int chunkSize) {
        return List.of(
                new WindowAcknowledgementSize(windowAcknowledgementSize),
                new SetPeerBandwidth(peerBandwidth, SetPeerBandwidth.LimitType.DYNAMIC),
                new SetChunkSize(chunkSize));
    }

    /** {@code _result} of connect: server properties and NetConnection.Connect.Success (RTMP spec 7.2.1.1). */
    public static CommandAmf0 connectResult(Connect connect) {
        Map<String, AmfValue> properties = new LinkedHashMap<>();
        properties.put("fmsVer", AmfValue.string(FMS_VERSION));
        properties.put("capabilities", AmfValue.number(CAPABILITIES));
        Map<String, AmfValue> info = info("status", "NetConnection.Connect.Success", "Connection succeeded.");
        info.put("objectEncoding", AmfValue.number(connect.objectEncoding()));
        return netConnection("_result", connect.transactionId(), new AmfObject(properties), new AmfObject(info));
    }

    /** {@code _error} of connect: NetConnection.Connect.Rejected with the reason (never a key). */
    public static CommandAmf0 connectRejected(double transactionId, String reason) {
        return netConnection("_error", transactionId, AmfValue.NULL,
                new AmfObject(info("error", "NetConnection.Connect.Rejected", reason)));
    }

    /** {@code _result} of createStream: the new message stream id (RTMP spec 7.2.1.3). */
    public static CommandAmf0 createStreamResult(double transactionId, int streamId) {
        return netConnection("_result", transactionId, AmfValue.NULL, AmfValue.number(streamId));
    }

    /**
     * {@code _result(txn, null, undefined)}: the answer to releaseStream, FCPublish and FCUnpublish, which
     * encoders send with a transaction id and some wait for; also harmless for any unknown command.
     */
    public static CommandAmf0 emptyResult(double transactionId) {
        return netConnection("_result", transactionId, AmfValue.NULL, AmfValue.UNDEFINED);
    }

    /** {@code _result(txn, null, 0)} for getStreamLength: a live stream has no length. */
    public static CommandAmf0 getStreamLengthResult(double transactionId) {
        return netConnection("_result", transactionId, AmfValue.NULL, AmfValue.number(0));
    }

    /** {@code onFCPublish}: FMLE-style clients expect it after FCPublish. */
    public static CommandAmf0 onFCPublish() {
        return netConnection("onFCPublish", 0, AmfValue.NULL,
                new AmfObject(info("status", "NetStream.Publish.Start", "FCPublish accepted.")));
    }

    /** {@code onFCUnpublish}: the counterpart after FCUnpublish. */
    public static CommandAmf0 onFCUnpublish() {
        return netConnection("onFCUnpublish", 0, AmfValue.NULL,
                new AmfObject(info("status", "NetStream.Unpublish.Success", "FCUnpublish accepted.")));
    }

    /** User Control Stream Begin for the published stream, sent before its NetStream.Publish.Start. */
    public static UserControl streamBegin(int streamId) {
        return new UserControl(new StreamBegin(streamId));
    }

    /** Stream Begin then {@code onStatus} NetStream.Publish.Start: the one answer ffmpeg waits for. */
    public static List<RtmpMessage> publishAccepted(int streamId) {
        return List.of(streamBegin(streamId), publishStart(streamId));
    }

    /** {@code onStatus} NetStream.Publish.Start on the stream (RTMP spec 7.2.2.6). */
    public static CommandAmf0 publishStart(int streamId) {
        return onStatus(streamId, info("status", "NetStream.Publish.Start", "Start publishing."));
    }

    /**
     * {@code onStatus} level error, NetStream.Publish.BadName, with the reason (e.g. "unknown stream key", "channel
     * already live"): encoders show the description to the user; then close the connection.
     */
    public static CommandAmf0 publishRejected(int streamId, String reason) {
        return onStatus(streamId, info("error", "NetStream.Publish.BadName", reason));
    }

    /** {@code onStatus} NetStream.Unpublish.Success, after FCUnpublish/closeStream/deleteStream. */
    public static CommandAmf0 unpublishSuccess(int streamId) {
        return onStatus(streamId, info("status", "NetStream.Unpublish.Success", "Stop publishing."));
    }

    private static CommandAmf0 onStatus(int streamId, Map<String, AmfValue> info) {
        return new CommandAmf0(streamId, 0,
                List.of(AmfValue.string("onStatus"), AmfValue.number(0), AmfValue.NULL, new AmfObject(info)));
    }

    private static CommandAmf0 netConnection(String name, double transactionId, AmfValue commandObject,
                                             AmfValue argument) {
        return new CommandAmf0(0, 0,
                List.of(AmfValue.string(name), AmfValue.number(transactionId), commandObject, argument));
    }

    private static Map<String, AmfValue> info(String level, String code, String description) {
        Map<String, AmfValue> info = new LinkedHashMap<>();
        info.put("level", AmfValue.string(level));
        info.put("code", AmfValue.string(code));
        info.put("description", AmfValue.string(description));
        return info;
    }
}
