package io.tributary.ingest.rtmp.message;

import io.tributary.media.amf.AmfValue;
import io.tributary.media.amf.AmfValue.AmfString;
import java.util.List;
import java.util.Set;

/** The first value of a command or data message names it (RTMP spec 7.1.1). */
final class AmfValues {

    /**
     * Names that may appear in a log line. Any other first value is shown as "(other)": a broken or hostile client
     * could put anything there, a stream key included.
     */
    private static final Set<String> WELL_KNOWN = Set.of(
            "connect", "call", "close", "createStream", "publish", "play", "play2", "deleteStream", "closeStream",
            "receiveAudio", "receiveVideo", "seek", "pause", "releaseStream", "FCPublish", "FCUnpublish",
            "FCSubscribe", "FCUnsubscribe", "getStreamLength", "_checkbw", "_result", "_error", "onStatus",
            "onBWDone", "onFCPublish", "onFCUnpublish", "@setDataFrame", "@clearDataFrame", "onMetaData",
            "onTextData", "onCuePoint", "|RtmpSampleAccess");

    private AmfValues() {
    }

    /** The command or data name if it is a well-known one, for {@code toString} only. */
    static String name(List<AmfValue> values) {
        if (values.isEmpty() || !(values.get(0) instanceof AmfString s)) {
            return "(none)";
        }
        return WELL_KNOWN.contains(s.value()) ? s.value() : "(other)";
    }
}
