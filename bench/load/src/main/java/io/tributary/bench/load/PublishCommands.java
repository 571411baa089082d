package io.tributary.bench.load;

import io.tributary.ingest.rtmp.message.CommandAmf0;
import io.tributary.media.amf.AmfValue;
import io.tributary.media.amf.AmfValue.AmfObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client side of a publish (RTMP spec 7.2.1.1, 7.2.2.6, and the FMLE additions every encoder sends:
 * releaseStream, FCPublish, FCUnpublish), in the order and with the transaction ids ffmpeg and OBS use.
 */
final class PublishCommands {

    static final int CONNECT = 1;
    static final int CREATE_STREAM = 4;
    static final int PUBLISH = 5;

    private PublishCommands() {
    }

    static CommandAmf0 connect(String app, String tcUrl) {
        Map<String, AmfValue> properties = new LinkedHashMap<>();
        properties.put("app", AmfValue.string(app));
        properties.put("type", AmfValue.string("nonprivate"));
        properties.put("flashVer", AmfValue.string("FMLE/3.0 (compatible; tributary-load)"));
        properties.put("tcUrl", AmfValue.string(tcUrl));
        return new CommandAmf0(0, 0, List.of(AmfValue.string("connect"), AmfValue.number(CONNECT),
                new AmfObject(properties)));
    }

    /** releaseStream, FCPublish and createStream, sent together once connect is answered. */
    static List<CommandAmf0> prepareStream(String publishName) {
        return List.of(
                new CommandAmf0(0, 0, List.of(AmfValue.string("releaseStream"), AmfValue.number(2), AmfValue.NULL,
                        AmfValue.string(publishName))),
                new CommandAmf0(0, 0, List.of(AmfValue.string("FCPublish"), AmfValue.number(3), AmfValue.NULL,
                        AmfValue.string(publishName))),
                new CommandAmf0(0, 0, List.of(AmfValue.string("createStream"), AmfValue.number(CREATE_STREAM),
                        AmfValue.NULL)));
    }

    static CommandAmf0 publish(int streamId, String publishName) {
        return new CommandAmf0(streamId, 0, List.of(AmfValue.string("publish"), AmfValue.number(PUBLISH),
                AmfValue.NULL, AmfValue.string(publishName), AmfValue.string("live")));
    }

    /** FCUnpublish and deleteStream: the end of a broadcast as encoders say it. */
    static List<CommandAmf0> unpublish(int streamId, String publishName) {
        return List.of(
                new CommandAmf0(0, 0, List.of(AmfValue.string("FCUnpublish"), AmfValue.number(6), AmfValue.NULL,
                        AmfValue.string(publishName))),
                new CommandAmf0(0, 0, List.of(AmfValue.string("deleteStream"), AmfValue.number(7), AmfValue.NULL,
                        AmfValue.number(streamId))));
    }
}
