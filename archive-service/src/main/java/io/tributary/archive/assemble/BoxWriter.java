package io.tributary.archive.assemble;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Writes ISO BMFF boxes (ISO/IEC 14496-12 §4.2) into a growing buffer, big-endian. {@link #box} and
 * {@link #fullBox} open a box whose 32-bit size is filled in by {@link #end}, so nested boxes are written in one
 * pass without computing sizes first.
 */
final class BoxWriter {
    private byte[] buf;
    private int length;
    private final Deque<Integer> open = new ArrayDeque<>();

    BoxWriter(int capacity) {
        buf = new byte[Math.max(64, capacity)];
    }

    /** Opens a box (§4.2: {@code size}, {@code type}); close it with {@link #end}. */
    BoxWriter box(String type) {
        open.push(length);
        u32(0);
        fourCc(type);
        return this;
    }

    /** Opens a FullBox (§4.2: a box followed by an 8-bit version and 24-bit flags). */
    BoxWriter fullBox(String type, int version, int flags) {
        box(type);
        u8(version);
        u24(flags);
        return this;
    }

    /** Closes the innermost open box, writing its size. */
    BoxWriter end() {
        int start = open.pop();
        return patchU32(start, length - start);
    }

    BoxWriter u8(int v) {
        ensure(1);
        buf[length++] = (byte) v;
        return this;
    }

    BoxWriter u16(int v) {
        return u8(v >>> 8).u8(v);
    }

    BoxWriter u24(int v) {
        return u8(v >>> 16).u8(v >>> 8).u8(v);
    }

    BoxWriter u32(long v) {
        return u16((int) (v >>> 16)).u16((int) v);
    }

    BoxWriter u64(long v) {
        return u32(v >>> 32).u32(v);
    }

    BoxWriter zeros(int n) {
        ensure(n);
        length += n; // the buffer is zero-filled where nothing was written
        return this;
    }

    BoxWriter fourCc(String type) {
        byte[] b = type.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length != 4) {
            throw new IllegalArgumentException("a box type has four characters: '" + type + "'");
        }
        return bytes(b);
    }

    BoxWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, length, b.length);
        length += b.length;
        return this;
    }

    /** The unity matrix of {@code mvhd} and {@code tkhd} (§8.2.2.3: {0x00010000,0,0,0,0x00010000,0,0,0,0x40000000}). */
    BoxWriter unityMatrix() {
        return u32(0x0001_0000).u32(0).u32(0).u32(0).u32(0x0001_0000).u32(0).u32(0).u32(0).u32(0x4000_0000);
    }

    /** Overwrites the 32-bit value at {@code position} (an offset known only once later boxes are written). */
    BoxWriter patchU32(int position, long v) {
        buf[position] = (byte) (v >>> 24);
        buf[position + 1] = (byte) (v >>> 16);
        buf[position + 2] = (byte) (v >>> 8);
        buf[position + 3] = (byte) v;
        return this;
    }

    int length() {
        return length;
    }

    byte[] toByteArray() {
        if (!open.isEmpty()) {
            throw new IllegalStateException(open.size() + " boxes still open");
        }
        return Arrays.copyOf(buf, length);
    }

    private void ensure(int more) {
        if (length + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + more));
        }
    }
}
