package io.tributary.media.amf;

import io.tributary.media.amf.AmfValue.AmfBoolean;
import io.tributary.media.amf.AmfValue.AmfByteArray;
import io.tributary.media.amf.AmfValue.AmfDate;
import io.tributary.media.amf.AmfValue.AmfEcmaArray;
import io.tributary.media.amf.AmfValue.AmfNumber;
import io.tributary.media.amf.AmfValue.AmfObject;
import io.tributary.media.amf.AmfValue.AmfStrictArray;
import io.tributary.media.amf.AmfValue.AmfString;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decodes AMF3 values (AMF3 specification, Adobe, 2008) from untrusted bytes into the closed {@link AmfValue} tree.
 * RTMP carries them in messages of type 15 and 17, and after the AMF0 avmplus-object marker 0x11.
 *
 * <p>Mapping: integer and double to {@link AmfNumber}; string, XML and XMLDocument to {@link AmfString}; an array
 * with only a dense part to {@link AmfStrictArray}, one with an associative part to {@link AmfEcmaArray} (dense
 * elements under their index as name); object to {@link AmfObject} (sealed then dynamic members, class name kept
 * as data, {@code null} if anonymous); Vector.&lt;int/uint/Number/Object&gt; to {@link AmfStrictArray}; byte array
 * and date to their own types. Externalizable objects (their format is private to a class) and dictionaries are
 * rejected.
 *
 * <p>The three reference tables (strings, complex values, traits, §2.2) only grow by values read from the bytes,
 * each of which costs at least one byte, so they are bounded by {@code length}. Every length and count on the wire
 * is checked against the bytes that remain before anything is allocated; nesting is limited by {@code maxDepth};
 * a reference to a value still being decoded (a cycle, which an immutable tree cannot hold) is rejected; and
 * because references let a few bytes name whole earlier objects, the expanded tree is limited to
 * {@link #MAX_EXPANDED_VALUES} nodes. Any problem ends in an {@link AmfException}; after one, the reader is spent.
 */
public final class Amf3Reader {

    /** Same bound as {@link Amf0Reader}: far above any real command or metadata, still cheap to walk. */
    static final long MAX_EXPANDED_VALUES = 1L << 20;

    private static final int UNDEFINED = 0x00;
    private static final int NULL = 0x01;
    private static final int FALSE = 0x02;
    private static final int TRUE = 0x03;
    private static final int INTEGER = 0x04;
    private static final int DOUBLE = 0x05;
    private static final int STRING = 0x06;
    private static final int XML_DOCUMENT = 0x07;
    private static final int DATE = 0x08;
    private static final int ARRAY = 0x09;
    private static final int OBJECT = 0x0A;
    private static final int XML = 0x0B;
    private static final int BYTE_ARRAY = 0x0C;
    private static final int VECTOR_INT = 0x0D;
    private static final int VECTOR_UINT = 0x0E;
    private static final int VECTOR_DOUBLE = 0x0F;
    private static final int VECTOR_OBJECT = 0x10;
    private static final int DICTIONARY = 0x11;

    private final byte[] buf;
    private final int end;
    private final int maxDepth;
    private final List<String> strings = new ArrayList<>();
    private final List<Decoded> complexValues = new ArrayList<>();
    private final List<Traits> traitsTable = new ArrayList<>();
    private int pos;
    private long expandedValues;

    /**
     * @param buf      the bytes (not copied; do not change them while reading)
     * @param offset   where the first value starts
     * @param length   how many bytes belong to the AMF3 data
     * @param maxDepth how many complex values (objects, arrays, vectors) may nest inside one another
     */
    public Amf3Reader(byte[] buf, int offset, int length, int maxDepth) {
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

    /** Reads the next value; the reference tables carry over to the next {@code read}. */
    public AmfValue read() {
        if (!hasRemaining()) {
            throw new AmfException("no AMF3 value left at offset " + pos);
        }
        return readValue(0).value();
    }

    /** Reads values until the bytes run out. */
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

    /** An object's class description (§3.12): sent once, then referenced by index. */
    private record Traits(String className, boolean dynamic, List<String> sealedNames) {
    }

    private Decoded readValue(int depth) {
        int at = pos;
        int marker = u8();
        return switch (marker) {
            case UNDEFINED -> scalar(AmfValue.UNDEFINED);
            case NULL -> scalar(AmfValue.NULL);
            case FALSE -> scalar(new AmfBoolean(false));
            case TRUE -> scalar(new AmfBoolean(true));
            case INTEGER -> scalar(new AmfNumber(signed29(u29())));
            case DOUBLE -> scalar(new AmfNumber(f64()));
            case STRING -> scalar(new AmfString(readString()));
            case XML_DOCUMENT, XML -> readXml(depth, at);
            case DATE -> readDate(depth, at);
            case ARRAY -> readArray(depth, at);
            case OBJECT -> readObject(depth, at);
            case BYTE_ARRAY -> readByteArray(depth, at);
            case VECTOR_INT, VECTOR_UINT, VECTOR_DOUBLE, VECTOR_OBJECT -> readVector(depth, at, marker);
            case DICTIONARY -> throw new AmfException("AMF3 dictionary at offset " + at + " is not supported");
            default -> throw new AmfException(String.format("unknown AMF3 marker 0x%02X at offset %d", marker, at));
        };
    }

    private Decoded scalar(AmfValue value) {
        countValues(1);
        return new Decoded(value, 0, 1);
    }

    /** U29S (§1.3.2, 3.8): a reference into the string table or an inline UTF-8 string; "" is never a reference. */
    private String readString() {
        int at = pos;
        int header = u29();
        if ((header & 1) == 0) {
            int index = header >>> 1;
            if (index >= strings.size()) {
                throw new AmfException("string reference at offset " + at + " to #" + index + " of "
                        + strings.size() + " read so far");
            }
            return strings.get(index);
        }
        String s = utf8(header >>> 1);
        if (!s.isEmpty()) {
            strings.add(s);
        }
        return s;
    }

    private Decoded readXml(int depth, int at) {
        int header = u29();
        if ((header & 1) == 0) {
            return reference(header >>> 1, depth, at);
        }
        return leafComplex(new AmfString(utf8(header >>> 1)));
    }

    private Decoded readDate(int depth, int at) {
        int header = u29();
        if ((header & 1) == 0) {
            return reference(header >>> 1, depth, at);
        }
        return leafComplex(new AmfDate(f64()));
    }

    private Decoded readByteArray(int depth, int at) {
        int header = u29();
        if ((header & 1) == 0) {
            return reference(header >>> 1, depth, at);
        }
        int length = header >>> 1;
        need(length);
        byte[] bytes = Arrays.copyOfRange(buf, pos, pos + length);
        pos += length;
        return leafComplex(new AmfByteArray(bytes));
    }

    /** Array (§3.11): dense count, then name/value pairs up to the empty name, then the dense values. */
    private Decoded readArray(int depth, int at) {
        int header = u29();
        if ((header & 1) == 0) {
            return reference(header >>> 1, depth, at);
        }
        int denseCount = header >>> 1;
        int ref = startComplex(depth, at);
        long valuesBefore = expandedValues;
        Map<String, AmfValue> associative = new LinkedHashMap<>();
        int height = 0;
        String name;
        while (!(name = readString()).isEmpty()) {
            Decoded d = readValue(depth + 1);
            associative.put(name, d.value());
            height = Math.max(height, d.height());
        }
        requireElements(denseCount, 1, at);
        List<AmfValue> dense = new ArrayList<>(denseCount);
        for (int i = 0; i < denseCount; i++) {
            Decoded d = readValue(depth + 1);
            dense.add(d.value());
            height = Math.max(height, d.height());
        }
        AmfValue value;
        if (associative.isEmpty()) {
            value = new AmfStrictArray(Collections.unmodifiableList(dense));
        } else {
            for (int i = 0; i < dense.size(); i++) {
                associative.put(Integer.toString(i), dense.get(i));
            }
            value = new AmfEcmaArray(Collections.unmodifiableMap(associative));
        }
        return finishComplex(ref, valuesBefore, value, height);
    }

    /** Object (§3.12): traits inline or by reference, sealed member values in order, then dynamic members. */
    private Decoded readObject(int depth, int at) {
        int header = u29();
        if ((header & 1) == 0) {
            return reference(header >>> 1, depth, at);
        }
        Traits traits = readTraits(header, at);
        int ref = startComplex(depth, at);
        long valuesBefore = expandedValues;
        Map<String, AmfValue> properties = new LinkedHashMap<>();
        int height = 0;
        for (String sealedName : traits.sealedNames()) {
            Decoded d = readValue(depth + 1);
            properties.put(sealedName, d.value());
            height = Math.max(height, d.height());
        }
        if (traits.dynamic()) {
            String name;
            while (!(name = readString()).isEmpty()) {
                Decoded d = readValue(depth + 1);
                properties.put(name, d.value());
                height = Math.max(height, d.height());
            }
        }
        AmfObject object = new AmfObject(traits.className(), Collections.unmodifiableMap(properties));
        return finishComplex(ref, valuesBefore, object, height);
    }

    private Traits readTraits(int header, int at) {
        if ((header & 2) == 0) {
            int index = header >>> 2;
            if (index >= traitsTable.size()) {
                throw new AmfException("traits reference at offset " + at + " to #" + index + " of "
                        + traitsTable.size() + " read so far");
            }
            return traitsTable.get(index);
        }
        if ((header & 4) != 0) {
            throw new AmfException("externalizable AMF3 object at offset " + at + " is not supported");
        }
        boolean dynamic = (header & 8) != 0;
        int sealedCount = header >>> 4;
        String className = readString();
        requireElements(sealedCount, 1, at);
        List<String> names = new ArrayList<>(sealedCount);
        for (int i = 0; i < sealedCount; i++) {
            names.add(readString());
        }
        Traits traits = new Traits(className.isEmpty() ? null : className, dynamic, List.copyOf(names));
        traitsTable.add(traits);
        return traits;
    }

    /** Vector (§3.15): count, fixed flag, for objects a type name, then the items. */
    private Decoded readVector(int depth, int at, int marker) {
        int header = u29();
        if ((header & 1) == 0) {
            return reference(header >>> 1, depth, at);
        }
        int count = header >>> 1;
        int ref = startComplex(depth, at);
        long valuesBefore = expandedValues;
        u8(); // fixed-length flag: irrelevant to a reader
        if (marker == VECTOR_OBJECT) {
            readString(); // the items' class name, e.g. "String"; the items carry their own types
        }
        int itemSize = switch (marker) {
            case VECTOR_INT, VECTOR_UINT -> 4;
            case VECTOR_DOUBLE -> 8;
            default -> 1;
        };
        requireElements(count, itemSize, at);
        List<AmfValue> items = new ArrayList<>(count);
        int height = 0;
        for (int i = 0; i < count; i++) {
            switch (marker) {
                case VECTOR_INT -> items.add(scalar(new AmfNumber((int) u32())).value());
                case VECTOR_UINT -> items.add(scalar(new AmfNumber(u32())).value());
                case VECTOR_DOUBLE -> items.add(scalar(new AmfNumber(f64())).value());
                default -> {
                    Decoded d = readValue(depth + 1);
                    items.add(d.value());
                    height = Math.max(height, d.height());
                }
            }
        }
        return finishComplex(ref, valuesBefore, new AmfStrictArray(Collections.unmodifiableList(items)), height);
    }

    private Decoded reference(int index, int depth, int at) {
        if (index >= complexValues.size()) {
            throw new AmfException("object reference at offset " + at + " to #" + index + " of "
                    + complexValues.size() + " read so far");
        }
        Decoded target = complexValues.get(index);
        if (target == null) {
            throw new AmfException("object reference at offset " + at + " to #" + index
                    + " that contains it (a cycle)");
        }
        if (depth + target.height() > maxDepth) {
            throw new AmfException("reference at offset " + at + " nests deeper than " + maxDepth + " levels");
        }
        countValues(target.weight());
        return target;
    }

    /** A date, XML or byte array: referenceable like objects, but it contains no values. */
    private Decoded leafComplex(AmfValue value) {
        countValues(1);
        Decoded d = new Decoded(value, 0, 1);
        complexValues.add(d);
        return d;
    }

    /** Checks the depth limit and reserves the value's slot in the object table, before its members are read. */
    private int startComplex(int depth, int at) {
        if (depth + 1 > maxDepth) {
            throw new AmfException("value at offset " + at + " nests deeper than " + maxDepth + " levels");
        }
        complexValues.add(null);
        return complexValues.size() - 1;
    }

    private Decoded finishComplex(int ref, long valuesBefore, AmfValue value, int childHeight) {
        countValues(1);
        Decoded d = new Decoded(value, childHeight + 1, expandedValues - valuesBefore);
        complexValues.set(ref, d);
        return d;
    }

    private void countValues(long n) {
        expandedValues += n;
        if (expandedValues > MAX_EXPANDED_VALUES) {
            throw new AmfException("AMF3 data expands to more than " + MAX_EXPANDED_VALUES + " values");
        }
    }

    /** A count on the wire may not announce more elements than the remaining bytes can hold. */
    private void requireElements(int count, int minBytesEach, int at) {
        if ((long) count * minBytesEach > end - pos) {
            throw new AmfException("value at offset " + at + " claims " + count + " elements but only "
                    + (end - pos) + " bytes remain");
        }
    }

    /**
     * U29 (§1.3.1): 1 to 4 bytes, big-endian, 7 bits per byte with a continuation bit, the fourth byte all 8 bits.
     */
    private int u29() {
        int value = 0;
        for (int i = 0; i < 3; i++) {
            int b = u8();
            value = (value << 7) | (b & 0x7F);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        return (value << 8) | u8();
    }

    /** The integer type holds a U29 as a signed 29-bit value (§3.6). */
    private static int signed29(int u29) {
        return (u29 & 0x1000_0000) != 0 ? u29 - 0x2000_0000 : u29;
    }

    private void need(long n) {
        if (n > end - pos) {
            throw new AmfException("AMF3 data truncated at offset " + pos + ": need " + n + " bytes, "
                    + (end - pos) + " remain");
        }
    }

    private int u8() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    private long u32() {
        need(4);
        long v = ((long) (buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8)
                | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
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

    /** Malformed UTF-8 decodes to U+FFFD, as in {@link Amf0Reader}. */
    private String utf8(int length) {
        need(length);
        String s = new String(buf, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return s;
    }
}
