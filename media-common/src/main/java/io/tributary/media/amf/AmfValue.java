package io.tributary.media.amf;

import java.util.List;
import java.util.Map;

/**
 * One value of Action Message Format, AMF0 or AMF3, decoded into a closed tree: nothing on the wire ever names a
 * Java class to build (AMF typed objects keep their class name as data).
 *
 * <p>Objects and ECMA arrays keep their properties in wire order ({@link java.util.LinkedHashMap}), since some peers
 * care about the order of {@code onMetaData} and {@code connect} properties.
 */
public sealed interface AmfValue {

    /** AMF0 number marker 0x00, AMF3 double and integer. */
    record AmfNumber(double value) implements AmfValue {
    }

    /** AMF0 boolean marker 0x01, AMF3 true/false. */
    record AmfBoolean(boolean value) implements AmfValue {
    }

    /** AMF0 string 0x02 and long string 0x0C, AMF3 string and XML. */
    record AmfString(String value) implements AmfValue {
    }

    /** AMF0 null 0x05, AMF3 null. */
    record AmfNull() implements AmfValue {
    }

    /** AMF0 undefined 0x06, AMF3 undefined. */
    record AmfUndefined() implements AmfValue {
    }

    /** AMF0 object 0x03 and typed object 0x10 ({@code className} non-null), AMF3 object. */
    record AmfObject(String className, Map<String, AmfValue> properties) implements AmfValue {
        public AmfObject(Map<String, AmfValue> properties) {
            this(null, properties);
        }
    }

    /** AMF0 ECMA array 0x08 (an associative array; the count on the wire is only a hint). */
    record AmfEcmaArray(Map<String, AmfValue> properties) implements AmfValue {
    }

    /** AMF0 strict array 0x0A, AMF3 array (dense part). */
    record AmfStrictArray(List<AmfValue> values) implements AmfValue {
    }

    /** AMF0 date 0x0B, AMF3 date: milliseconds since the epoch (the AMF0 time zone is ignored by the spec). */
    record AmfDate(double epochMillis) implements AmfValue {
    }

    /** AMF3 byte array. */
    record AmfByteArray(byte[] bytes) implements AmfValue {
    }

    AmfNull NULL = new AmfNull();
    AmfUndefined UNDEFINED = new AmfUndefined();

    static AmfNumber number(double v) {
        return new AmfNumber(v);
    }

    static AmfString string(String v) {
        return new AmfString(v);
    }

    static AmfBoolean bool(boolean v) {
        return new AmfBoolean(v);
    }
}
