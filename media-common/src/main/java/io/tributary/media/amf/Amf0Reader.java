package io.tributary.media.amf;

import io.tributary.media.amf.AmfValue.AmfBoolean;
import io.tributary.media.amf.AmfValue.AmfDate;
import io.tributary.media.amf.AmfValue.AmfEcmaArray;
import io.tributary.media.amf.AmfValue.AmfNumber;
import io.tributary.media.amf.AmfValue.AmfObject;
import io.tributary.media.amf.AmfValue.AmfStrictArray;
import io.tributary.media.amf.AmfValue.AmfString;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decodes AMF0 values (AMF0 specification, Adobe, 2007) from untrusted bytes into the closed {@link AmfValue} tree.
 *
 * <p>Every length is checked against the bytes that remain before anything is allocated; counts on the wire (ECMA
 * array, strict array) are never used to size an allocation; nesting is limited by {@code maxDepth}. References
 * (marker 0x07, §2.9) resolve to a complex value decoded earlier by this reader (objects, typed objects, ECMA and
 * strict arrays, numbered in the order they start); a reference to a value still being decoded would be a cycle,
 * which an immutable tree cannot hold, and is rejected. Typed objects (0x10) keep their class name as data. After
 * the avmplus-object marker (0x11, §3.1) one AMF3 value follows: {@link Amf3Reader} decodes it, with fresh AMF3
 * reference tables and what is left of the depth budget, and it counts against the same expansion limit. Movie
 * clips, record sets and the unsupported marker are rejected.
 *
 * <p>Any problem ends in an {@link AmfException}; after one, the reader is spent.
 */
public final class Amf0Reader {

    /**
     * References let a few bytes name whole earlier objects, so a decoded tree can be exponentially larger than its
     * bytes. A million nodes is far above any real command or onMetaData and still cheap to walk.
     */
    static final long MAX_EXPANDED_VALUES = 1L << 20;

    private final byte[] buf;
    private final int end;
    private final int maxDepth;
    private final List<Decoded> references = new ArrayList<>();
    private int pos;
    private long expandedValues;

    /**
     * @param buf      the bytes (not copied; do not change them while reading)
     * @param offset   where the first value starts
     * @param length   how many bytes belong to the AMF0 data
     * @param maxDepth how many complex values (objects, arrays) may nest inside one another
     */
    public Amf0Reader(byte[] buf, int offset, int length, int maxDepth) {
        Objects.checkFromIndexSize(offset, length, buf.length);
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth must not be negative: " + maxDepth);
        }
        this.buf = buf;
        this.pos = offset;
        this.end = offset + length;
        this.maxDepth = maxDepth;
    }

    public boolean hasRemaining() {
        return pos < end;
    }

    /** Index in the buffer of the next byte to read. */
    public int position() {
        return pos;
    }

    /** Reads the next value. */
    public AmfValue read() {
        if (!hasRemaining()) {
            throw new AmfException("no AMF0 value left at offset " + pos);
        }
        return readValue(0).value();
    }

    /** Reads values until the bytes run out (an RTMP command or data message is such a sequence). */
    public List<AmfValue> readAll() {
        List<AmfValue> values = new ArrayList<>();
        while (hasRemaining()) {
            values.add(read());
        }
        return values;
    }

    /** A decoded value with its height (complex values on the longest path down) and its node count. */
    private record Decoded(AmfValue value, int height, long weight) {
    }

    private Decoded readValue(int depth) {
        int at = pos;
        int marker = u8();
        switch (marker) {
            case Amf0Marker.NUMBER:
                return scalar(new AmfNumber(f64()));
            case Amf0Marker.BOOLEAN:
                return scalar(new AmfBoolean(u8() != 0));
            case Amf0Marker.STRING:
                return scalar(new AmfString(utf8(u16())));
            case Amf0Marker.LONG_STRING:
            case Amf0Marker.XML_DOCUMENT:
                return scalar(new AmfString(utf8(u32Length())));
            case Amf0Marker.NULL:
                return scalar(AmfValue.NULL);
            case Amf0Marker.UNDEFINED:
                return scalar(AmfValue.UNDEFINED);
            case Amf0Marker.DATE: {
                double millis = f64();
                need(2); // time zone: "should be set to 0x0000" and ignored by readers (§2.13)
                pos += 2;
                return scalar(new AmfDate(millis));
            }
            case Amf0Marker.OBJECT:
                return readObject(depth, null, at);
            case Amf0Marker.TYPED_OBJECT:
                return readObject(depth, utf8(u16()), at);
            case Amf0Marker.ECMA_ARRAY:
                return readEcmaArray(depth, at);
            case Amf0Marker.STRICT_ARRAY:
                return readStrictArray(depth, at);
            case Amf0Marker.REFERENCE:
                return readReference(depth, at);
            case Amf0Marker.OBJECT_END:
                throw new AmfException("object-end marker outside an object at offset " + at);
            case Amf0Marker.MOVIECLIP:
            case Amf0Marker.RECORDSET:
                throw new AmfException(String.format("reserved AMF0 marker 0x%02X at offset %d", marker, at));
            case Amf0Marker.UNSUPPORTED:
                throw new AmfException("AMF0 unsupported-type marker 0x0D at offset " + at);
            case Amf0Marker.AVMPLUS_OBJECT:
                return readAmf3(depth);
            default:
                throw new AmfException(String.format("unknown AMF0 marker 0x%02X at offset %d", marker, at));
        }
    }

    /** One AMF3 value, measured so that AMF0 references to its container still honour the limits. */
    private Decoded readAmf3(int depth) {
        Amf3Reader amf3 = new Amf3Reader(buf, pos, end - pos, maxDepth - depth);
        AmfValue value = amf3.read();
        pos = amf3.position();
        long before = expandedValues;
        int height = measure(value);
        return new Decoded(value, height, expandedValues - before);
    }

    /** Counts the nodes of a decoded value against the expansion limit; returns its height. */
    private int measure(AmfValue value) {
        countValues(1);
        Iterable<AmfValue> children;
        if (value instanceof AmfObject o) {
            children = o.properties().values();
        } else if (value instanceof AmfEcmaArray a) {
            children = a.properties().values();
        } else if (value instanceof AmfStrictArray a) {
            children = a.values();
        } else {
            return 0;
        }
        int height = 0;
        for (AmfValue child : children) {
            height = Math.max(height, measure(child));
        }
        return height + 1;
    }

    private Decoded scalar(AmfValue value) {
        countValues(1);
        return new Decoded(value, 0, 1);
    }

    private Decoded readObject(int depth, String className, int at) {
        int ref = startComplex(depth, at);
        long valuesBefore = expandedValues;
        Map<String, AmfValue> properties = new LinkedHashMap<>();
        int height = readProperties(depth, properties);
        AmfObject object = new AmfObject(className, Collections.unmodifiableMap(properties));
        return finishComplex(ref, valuesBefore, object, height);
    }

    private Decoded readEcmaArray(int depth, int at) {
        int ref = startComplex(depth, at);
        long valuesBefore = expandedValues;
        need(4);
        pos += 4; // the associative count is only a hint (§2.10); the object-end marker is what ends the array
        Map<String, AmfValue> properties = new LinkedHashMap<>();
        int height = readProperties(depth, properties);
        AmfEcmaArray array = new AmfEcmaArray(Collections.unmodifiableMap(properties));
        return finishComplex(ref, valuesBefore, array, height);
    }

    private Decoded readStrictArray(int depth, int at) {
        int ref = startComplex(depth, at);
        long valuesBefore = expandedValues;
        long count = u32();
        if (count > end - pos) { // every element takes at least its marker byte
            throw new AmfException("strict array at offset " + at + " claims " + count + " elements but only "
                    + (end - pos) + " bytes remain");
        }
        List<AmfValue> values = new ArrayList<>((int) count);
        int height = 0;
        for (long i = 0; i < count; i++) {
            Decoded d = readValue(depth + 1);
            values.add(d.value());
            height = Math.max(height, d.height());
        }
        return finishComplex(ref, valuesBefore, new AmfStrictArray(Collections.unmodifiableList(values)), height);
    }

    /** Reads name/value pairs up to the empty name and object-end marker (§2.5); returns the children's height. */
    private int readProperties(int depth, Map<String, AmfValue> into) {
        int height = 0;
        while (true) {
            int nameAt = pos;
            int nameLength = u16();
            if (nameLength == 0) {
                int marker = u8();
                if (marker != Amf0Marker.OBJECT_END) {
                    throw new AmfException(String.format(
                            "empty property name at offset %d followed by marker 0x%02X instead of object-end",
                            nameAt, marker));
                }
                return height;
            }
            String name = utf8(nameLength);
            Decoded d = readValue(depth + 1);
            into.put(name, d.value());
            height = Math.max(height, d.height());
        }
    }

    private Decoded readReference(int depth, int at) {
        int index = u16();
        if (index >= references.size()) {
            throw new AmfException("reference at offset " + at + " to complex value #" + index + " of "
                    + references.size() + " read so far");
        }
        Decoded target = references.get(index);
        if (target == null) {
            throw new AmfException("reference at offset " + at + " to complex value #" + index
                    + " that contains it (a cycle)");
        }
        if (depth + target.height() > maxDepth) {
            throw new AmfException("reference at offset " + at + " nests deeper than " + maxDepth + " levels");
        }
        countValues(target.weight());
        return target;
    }

    /** Checks the depth limit and reserves the complex value's slot in the reference table. */
    private int startComplex(int depth, int at) {
        if (depth + 1 > maxDepth) {
            throw new AmfException("value at offset " + at + " nests deeper than " + maxDepth + " levels");
        }
        references.add(null);
        return references.size() - 1;
    }

    private Decoded finishComplex(int ref, long valuesBefore, AmfValue value, int childHeight) {
        countValues(1);
        // its weight is every node decoded since it started, references expanded
        Decoded d = new Decoded(value, childHeight + 1, expandedValues - valuesBefore);
        references.set(ref, d);
        return d;
    }

    private void countValues(long n) {
        expandedValues += n;
        if (expandedValues > MAX_EXPANDED_VALUES) {
            throw new AmfException("AMF0 data expands to more than " + MAX_EXPANDED_VALUES + " values");
        }
    }

    private void need(long n) {
        if (n > end - pos) {
            throw new AmfException("AMF0 data truncated at offset " + pos + ": need " + n + " bytes, "
                    + (end - pos) + " remain");
        }
    }

    private int u8() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    private int u16() {
        need(2);
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    private long u32() {
        need(4);
        long v = ((long) (buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8)
                | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    private int u32Length() {
        int at = pos;
        long n = u32();
        if (n > end - pos) {
            throw new AmfException("long string at offset " + at + " claims " + n + " bytes but only " + (end - pos)
                    + " remain");
        }
        return (int) n;
    }

    private double f64() {
        need(8);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (buf[pos + i] & 0xFF);
        }
        pos += 8;
        return Double.longBitsToDouble(bits);
    }

    /** Malformed UTF-8 decodes to U+FFFD: a name or title in a legacy encoding is not worth dropping a stream for. */
    private String utf8(int length) {
        need(length);
        String s = new String(buf, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return s;
    }
}
