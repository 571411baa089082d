package io.tributary.media.flv;

import io.tributary.media.amf.Amf0Reader;
import io.tributary.media.amf.Amf0Writer;
import io.tributary.media.amf.AmfException;
import io.tributary.media.amf.AmfValue;
import io.tributary.media.amf.AmfValue.AmfString;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An FLV script data tag (TagType 18, FLV 10.1 §E.4.4): AMF0 values, a method name such as {@code onMetaData}
 * followed by its arguments. Equal when timestamp and body bytes are equal.
 */
public record ScriptDataTag(long timestamp, byte[] body) implements FlvTag {

    /** onMetaData nests an object or two (colorInfo, keyframes); sixteen levels is plenty and keeps the stack safe. */
    public static final int MAX_AMF_DEPTH = 16;

    public static final String ON_META_DATA = "onMetaData";

    public ScriptDataTag {
        Objects.requireNonNull(body, "body");
        TagBytes.checkTag(timestamp, body);
    }

    /** @throws io.tributary.media.amf.AmfException when the values have no AMF0 form or exceed a tag body */
    public static ScriptDataTag of(long timestamp, String name, AmfValue... arguments) {
        Amf0Writer w = new Amf0Writer(MAX_BODY_SIZE).write(AmfValue.string(name));
        for (AmfValue a : arguments) {
            w.write(a);
        }
        return new ScriptDataTag(timestamp, w.toByteArray());
    }

    @Override
    public int tagType() {
        return TYPE_SCRIPT_DATA;
    }

    /** Every AMF0 value of the body, the name first; throws {@link FlvFormatException} on bad AMF0. */
    public List<AmfValue> values() {
        try {
            return new Amf0Reader(body, 0, body.length, MAX_AMF_DEPTH).readAll();
        } catch (AmfException e) {
            throw new FlvFormatException("bad AMF0 in script data tag: " + e.getMessage(), e);
        }
    }

    /** The method name, the first value; throws {@link FlvFormatException} if it is not a string. */
    public String name() {
        if (body.length == 0) {
            throw new FlvFormatException("empty script data tag");
        }
        try {
            AmfValue first = new Amf0Reader(body, 0, body.length, MAX_AMF_DEPTH).read();
            if (first instanceof AmfString s) {
                return s.value();
            }
            throw new FlvFormatException("script data tag does not start with a name: " + first);
        } catch (AmfException e) {
            throw new FlvFormatException("bad AMF0 in script data tag: " + e.getMessage(), e);
        }
    }

    /** The values after the name. */
    public List<AmfValue> arguments() {
        List<AmfValue> all = values();
        return all.isEmpty() ? all : all.subList(1, all.size());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScriptDataTag t && t.timestamp == timestamp && Arrays.equals(t.body, body);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(timestamp) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "ScriptDataTag[timestamp=" + timestamp + ", " + body.length + " bytes]";
    }
}
