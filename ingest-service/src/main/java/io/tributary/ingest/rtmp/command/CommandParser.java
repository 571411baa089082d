package io.tributary.ingest.rtmp.command;

import io.tributary.ingest.rtmp.RtmpLimits;
import io.tributary.ingest.rtmp.RtmpProtocolException;
import io.tributary.ingest.rtmp.RtmpProtocolException.Reason;
import io.tributary.ingest.rtmp.command.RtmpCommand.CloseStream;
import io.tributary.ingest.rtmp.command.RtmpCommand.Connect;
import io.tributary.ingest.rtmp.command.RtmpCommand.CreateStream;
import io.tributary.ingest.rtmp.command.RtmpCommand.DeleteStream;
import io.tributary.ingest.rtmp.command.RtmpCommand.FCPublish;
import io.tributary.ingest.rtmp.command.RtmpCommand.FCUnpublish;
import io.tributary.ingest.rtmp.command.RtmpCommand.GetStreamLength;
import io.tributary.ingest.rtmp.command.RtmpCommand.Publish;
import io.tributary.ingest.rtmp.command.RtmpCommand.ReleaseStream;
import io.tributary.ingest.rtmp.command.RtmpCommand.SetDataFrame;
import io.tributary.ingest.rtmp.command.RtmpCommand.Unknown;
import io.tributary.ingest.rtmp.message.CommandAmf0;
import io.tributary.ingest.rtmp.message.CommandAmf3;
import io.tributary.ingest.rtmp.message.DataAmf0;
import io.tributary.ingest.rtmp.message.DataAmf3;
import io.tributary.ingest.rtmp.message.RtmpMessage;
import io.tributary.media.amf.AmfValue;
import io.tributary.media.amf.AmfValue.AmfBoolean;
import io.tributary.media.amf.AmfValue.AmfEcmaArray;
import io.tributary.media.amf.AmfValue.AmfNull;
import io.tributary.media.amf.AmfValue.AmfNumber;
import io.tributary.media.amf.AmfValue.AmfObject;
import io.tributary.media.amf.AmfValue.AmfString;
import io.tributary.media.amf.AmfValue.AmfUndefined;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns command messages (types 17, 20) and data messages (15, 18) into {@link RtmpCommand}s. Unknown names become
 * {@link Unknown}, never an error; a known command whose arguments cannot be what it needs (a connect without a
 * command object, a publish name that is a number...) is a {@link Reason#MALFORMED_COMMAND}, and any name or URL over
 * {@link RtmpLimits#maxNameLength()} a {@link Reason#NAME_TOO_LONG}.
 */
public final class CommandParser {

    private final RtmpLimits limits;

    public CommandParser(RtmpLimits limits) {
        this.limits = limits;
    }

    /** The command in a command or data message; empty for every other message. */
    public Optional<RtmpCommand> parse(RtmpMessage message) {
        if (message instanceof CommandAmf0 c) {
            return Optional.of(command(c.messageStreamId(), c.values()));
        } else if (message instanceof CommandAmf3 c) {
            return Optional.of(command(c.messageStreamId(), c.values()));
        } else if (message instanceof DataAmf0 d) {
            return Optional.of(data(d.messageStreamId(), d.timestamp(), d.values()));
        } else if (message instanceof DataAmf3 d) {
            return Optional.of(data(d.messageStreamId(), d.timestamp(), d.values()));
        }
        return Optional.empty();
    }

    /** name, transaction id, command object, arguments (RTMP spec 7.1.1). */
    private RtmpCommand command(int messageStreamId, List<AmfValue> values) {
        String name = name(values);
        double txn = values.size() > 1 && values.get(1) instanceof AmfNumber n ? n.value() : 0;
        return switch (name) {
            case "connect" -> connect(txn, values);
            case "releaseStream" -> new ReleaseStream(txn, streamName(values, 3, name));
            case "FCPublish" -> new FCPublish(txn, streamName(values, 3, name));
            case "createStream" -> new CreateStream(txn);
            case "publish" -> new Publish(txn, messageStreamId, streamName(values, 3, name), publishType(values));
            case "FCUnpublish" -> new FCUnpublish(txn, streamName(values, 3, name));
            case "deleteStream" -> new DeleteStream(txn, streamId(values));
            case "closeStream" -> new CloseStream(txn, messageStreamId);
            case "getStreamLength" -> new GetStreamLength(txn, streamName(values, 3, name));
            default -> new Unknown(name, txn);
        };
    }

    /** {@code @setDataFrame(dataName, metadata)} or {@code onMetaData(metadata)}. */
    private RtmpCommand data(int messageStreamId, long timestamp, List<AmfValue> values) {
        String name = name(values);
        if (name.equals("@setDataFrame")) {
            String dataName = values.size() > 1 && values.get(1) instanceof AmfString s ? checked(s.value(), name) : "";
            return new SetDataFrame(messageStreamId, timestamp, dataName, properties(values, 2));
        } else if (name.equals("onMetaData")) {
            return new SetDataFrame(messageStreamId, timestamp, name, properties(values, 1));
        }
        return new Unknown(name, 0);
    }

    private Connect connect(double txn, List<AmfValue> values) {
        Map<String, AmfValue> props;
        if (values.size() > 2 && values.get(2) instanceof AmfObject o) {
            props = o.properties();
        } else if (values.size() > 2 && values.get(2) instanceof AmfEcmaArray a) {
            props = a.properties();
        } else {
            throw new RtmpProtocolException(Reason.MALFORMED_COMMAND, "connect without a command object");
        }
        double objectEncoding = props.get("objectEncoding") instanceof AmfNumber n ? n.value() : 0;
        return new Connect(txn, AppName.parse(stringProperty(props, "app")), stringProperty(props, "tcUrl"),
                stringProperty(props, "flashVer"), objectEncoding, props);
    }

    private String stringProperty(Map<String, AmfValue> props, String key) {
        return props.get(key) instanceof AmfString s ? checked(s.value(), "connect " + key) : "";
    }

    /** A stream name argument: a string, or nothing (absent, null, undefined, false) for the empty name. */
    private PublishName streamName(List<AmfValue> values, int index, String command) {
        if (values.size() <= index) {
            return PublishName.EMPTY;
        }
        AmfValue v = values.get(index);
        if (v instanceof AmfString s) {
            return PublishName.parse(checked(s.value(), command + " name"));
        } else if (v instanceof AmfNull || v instanceof AmfUndefined || v instanceof AmfBoolean b && !b.value()) {
            return PublishName.EMPTY;
        }
        throw new RtmpProtocolException(Reason.MALFORMED_COMMAND, command + " name is not a string");
    }

    private String publishType(List<AmfValue> values) {
        return values.size() > 4 && values.get(4) instanceof AmfString s ? checked(s.value(), "publish type") : "live";
    }

    private static int streamId(List<AmfValue> values) {
        if (values.size() > 3 && values.get(3) instanceof AmfNumber n && n.value() >= 0
                && n.value() <= Integer.MAX_VALUE) {
            return (int) n.value();
        }
        return 0;
    }

    private static Map<String, AmfValue> properties(List<AmfValue> values, int index) {
        if (values.size() > index) {
            AmfValue v = values.get(index);
            if (v instanceof AmfEcmaArray a) {
                return a.properties();
            } else if (v instanceof AmfObject o) {
                return o.properties();
            }
        }
        return Map.of();
    }

    private String name(List<AmfValue> values) {
        if (values.isEmpty() || !(values.get(0) instanceof AmfString s)) {
            throw new RtmpProtocolException(Reason.MALFORMED_COMMAND, "command or data message without a name");
        }
        return checked(s.value(), "command name");
    }

    private String checked(String value, String what) {
        if (value.length() > limits.maxNameLength()) {
            throw new RtmpProtocolException(Reason.NAME_TOO_LONG,
                    what + " of " + value.length() + " characters, limit " + limits.maxNameLength());
        }
        return value;
    }
}
