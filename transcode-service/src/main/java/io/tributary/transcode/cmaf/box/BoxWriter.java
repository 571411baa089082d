package io.tributary.transcode.cmaf.box;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable big-endian byte sink for ISO BMFF boxes (ISO/IEC 14496-12 §4.2).
 *
 * <p>{@link #box} writes a 32-bit size placeholder and patches it when the body is done, so a box never has to know
 * its children's sizes in advance. Every integer writer checks its range: a value that does not fit its field is a
 * bug in the caller, and silently truncating it would write a corrupt file.
 */
public final class BoxWriter {
    private byte[] buf;
    private int size;

    public BoxWriter() {
        this(512);
    }

    public BoxWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    public BoxWriter u8(int v) {
        checkRange(v, 0, 0xFF, "u8");
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    public BoxWriter u16(int v) {
        checkRange(v, 0, 0xFFFF, "u16");
        return unchecked16(v);
    }

    public BoxWriter i16(int v) {
        checkRange(v, Short.MIN_VALUE, Short.MAX_VALUE, "i16");
        return unchecked16(v);
    }

    public BoxWriter u24(int v) {
        checkRange(v, 0, 0xFF_FFFF, "u24");
        ensure(3);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    public BoxWriter u32(long v) {
        checkRange(v, 0, 0xFFFF_FFFFL, "u32");
        return unchecked32((int) v);
    }

    public BoxWriter i32(int v) {
        return unchecked32(v);
    }

    public BoxWriter u64(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("u64 field cannot hold " + v);
        }
        unchecked32((int) (v >>> 32));
        return unchecked32((int) v);
    }

    /** A four-character code (box type, brand, handler type): exactly four ASCII characters. */
    public BoxWriter fourCc(String code) {
        byte[] b = code.getBytes(StandardCharsets.US_ASCII);
        if (b.length != 4 || !code.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("not a four-character code: '" + code + "'");
        }
        return bytes(b);
    }

    public BoxWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    public BoxWriter zeros(int count) {
        ensure(count);
        size += count; // the buffer is zero-filled and never shrinks, so these bytes are already 0
        return this;
    }

    /** Writes {@code size, type, body}, with the size patched once the body is written (§4.2). */
    public BoxWriter box(String type, Runnable body) {
        int start = size;
        unchecked32(0);
        fourCc(type);
        body.run();
        int length = size - start;
        buf[start] = (byte) (length >>> 24);
        buf[start + 1] = (byte) (length >>> 16);
        buf[start + 2] = (byte) (length >>> 8);
        buf[start + 3] = (byte) length;
        return this;
    }

    /** Writes a FullBox (§4.2): a box whose body starts with an 8-bit version and 24-bit flags. */
    public BoxWriter fullBox(String type, int version, int flags, Runnable body) {
        return box(type, () -> {
            u8(version);
            u24(flags);
            body.run();
        });
    }

    public BoxWriter write(Box child) {
        child.write(this);
        return this;
    }

    /** Bytes written so far. */
    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private BoxWriter unchecked16(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    private BoxWriter unchecked32(int v) {
        ensure(4);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    private void ensure(int more) {
        if (more < 0) {
            throw new IllegalArgumentException("negative length " + more);
        }
        long needed = (long) size + more;
        if (needed > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("box data larger than 2 GiB");
        }
        if (needed > buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * buf.length)));
        }
    }

    private static void checkRange(long v, long min, long max, String field) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(field + " field cannot hold " + v);
        }
    }
}
