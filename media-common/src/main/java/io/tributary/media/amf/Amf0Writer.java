package io.tributary.media.amf;

import io.tributary.media.amf.AmfValue.AmfBoolean;
import io.tributary.media.amf.AmfValue.AmfByteArray;
import io.tributary.media.amf.AmfValue.AmfDate;
import io.tributary.media.amf.AmfValue.AmfEcmaArray;
import io.tributary.media.amf.AmfValue.AmfNull;
import io.tributary.media.amf.AmfValue.AmfNumber;
import io.tributary.media.amf.AmfValue.AmfObject;
import io.tributary.media.amf.AmfValue.AmfStrictArray;
import io.tributary.media.amf.AmfValue.AmfString;
import io.tributary.media.amf.AmfValue.AmfUndefined;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Encodes {@link AmfValue}s as AMF0 (AMF0 specification, Adobe, 2007), appending to an internal buffer.
 *
 * <p>Strings of more than 65535 UTF-8 bytes become long strings (0x0C); objects with a class name become typed
 * objects (0x10); dates carry time zone 0. References are never written. A value with no AMF0 form (a byte array,
 * an empty or over-long property name, a Java {@code null}) fails with {@link AmfException}.
 *
 * <p>Output is bounded ({@link #Amf0Writer(int)}): a value read from a peer may reach the same object through many
 * AMF references, which the reader keeps shared but AMF0 output spells out every time, so a small message can stand
 * for gigabytes. The bound is checked before each value and before a string is encoded, so the writer fails with
 * {@link AmfException} instead of allocating them.
 */
public final class Amf0Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final int maxBytes;

    /** At most what one byte array holds. */
    public Amf0Writer() {
        this(Integer.MAX_VALUE - 16);
    }

    /** At most {@code maxBytes} of output. */
    public Amf0Writer(int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    public Amf0Writer write(AmfValue v) {
        writeValue(v);
        return this;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private void writeValue(AmfValue v) {
        requireRoom(0);
        if (v == null) {
            throw new AmfException("cannot encode a Java null; use AmfValue.NULL");
        } else if (v instanceof AmfNumber n) {
            out.write(Amf0Marker.NUMBER);
            f64(n.value());
        } else if (v instanceof AmfBoolean b) {
            out.write(Amf0Marker.BOOLEAN);
            out.write(b.value() ? 1 : 0);
        } else if (v instanceof AmfString s) {
            writeString(s.value());
        } else if (v instanceof AmfNull) {
            out.write(Amf0Marker.NULL);
        } else if (v instanceof AmfUndefined) {
            out.write(Amf0Marker.UNDEFINED);
        } else if (v instanceof AmfObject o) {
            if (o.className() == null) {
                out.write(Amf0Marker.OBJECT);
            } else {
                out.write(Amf0Marker.TYPED_OBJECT);
                shortUtf8(o.className(), "class name");
            }
            writeProperties(o.properties());
        } else if (v instanceof AmfEcmaArray a) {
            out.write(Amf0Marker.ECMA_ARRAY);
            u32(a.properties().size());
            writeProperties(a.properties());
        } else if (v instanceof AmfStrictArray a) {
            out.write(Amf0Marker.STRICT_ARRAY);
            List<AmfValue> values = a.values();
            u32(values.size());
            values.forEach(this::writeValue);
        } else if (v instanceof AmfDate d) {
            out.write(Amf0Marker.DATE);
            f64(d.epochMillis());
            u16(0);
        } else if (v instanceof AmfByteArray) {
            throw new AmfException("AMF0 has no byte array type");
        } else {
            throw new AmfException("unknown AMF value " + v.getClass().getName());
        }
    }

    private void writeString(String s) {
        requireRoom(s.length()); // a UTF-8 encoding has at least as many bytes as the string has chars
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        requireRoom(bytes.length + (bytes.length <= Amf0Marker.MAX_SHORT_STRING_BYTES ? 3 : 5)); // marker, length
        if (bytes.length <= Amf0Marker.MAX_SHORT_STRING_BYTES) {
            out.write(Amf0Marker.STRING);
            u16(bytes.length);
        } else {
            out.write(Amf0Marker.LONG_STRING);
            u32(bytes.length);
        }
        out.writeBytes(bytes);
    }

    private void writeProperties(Map<String, AmfValue> properties) {
        for (Map.Entry<String, AmfValue> e : properties.entrySet()) {
            if (e.getKey() == null || e.getKey().isEmpty()) {
                // an empty name followed by 0x09 is how AMF0 ends an object (§2.5)
                throw new AmfException("an AMF0 property name must not be empty");
            }
            shortUtf8(e.getKey(), "property name");
            writeValue(e.getValue());
        }
        u16(0);
        out.write(Amf0Marker.OBJECT_END);
    }

    private void shortUtf8(String s, String what) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > Amf0Marker.MAX_SHORT_STRING_BYTES) {
            throw new AmfException("AMF0 " + what + " longer than 65535 UTF-8 bytes: " + bytes.length);
        }
        u16(bytes.length);
        out.writeBytes(bytes);
    }

    private void requireRoom(long more) {
        if (out.size() + more > maxBytes) {
            throw new AmfException("AMF0 output over its limit of " + maxBytes + " bytes");
        }
    }

    private void u16(int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private void u32(long v) {
        out.write((int) (v >>> 24));
        out.write((int) (v >>> 16));
        out.write((int) (v >>> 8));
        out.write((int) v);
    }

    private void f64(double d) {
        long bits = Double.doubleToRawLongBits(d);
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (bits >>> shift));
        }
    }
}
