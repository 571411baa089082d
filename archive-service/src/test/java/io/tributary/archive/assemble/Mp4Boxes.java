package io.tributary.archive.assemble;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test reader of ISO BMFF boxes: whole boxes (header included) by type path. */
final class Mp4Boxes {
    private Mp4Boxes() {
    }

    /** Every box at {@code path} (e.g. "moov", "trak", "mdia", "mdhd"), header included, in file order. */
    static List<byte[]> all(byte[] file, String... path) {
        List<byte[]> level = List.of(file);
        boolean top = true;
        for (String type : path) {
            List<byte[]> next = new ArrayList<>();
            for (byte[] parent : level) {
                next.addAll(children(parent, top ? 0 : 8, type));
            }
            level = next;
            top = false;
        }
        return level;
    }

    /** The bytes of a movie fragment, written as the spool writes it. */
    static byte[] written(ArchiveFragmenter.Fragment fragment) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            fragment.writeTo(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    static byte[] one(byte[] file, String... path) {
        List<byte[]> boxes = all(file, path);
        if (boxes.size() != 1) {
            throw new AssertionError(boxes.size() + " boxes at " + String.join("/", path));
        }
        return boxes.get(0);
    }

    /** The top-level box types, in order. */
    static List<String> topLevelTypes(byte[] file) {
        List<String> types = new ArrayList<>();
        int at = 0;
        while (at + 8 <= file.length) {
            int size = ByteBuffer.wrap(file, at, 4).getInt();
            types.add(new String(file, at + 4, 4, StandardCharsets.ISO_8859_1));
            at += size;
        }
        return types;
    }

    private static List<byte[]> children(byte[] parent, int from, String type) {
        List<byte[]> found = new ArrayList<>();
        int at = from;
        while (at + 8 <= parent.length) {
            int size = ByteBuffer.wrap(parent, at, 4).getInt();
            if (size < 8 || at + size > parent.length) {
                throw new AssertionError("bad box size " + size + " at " + at);
            }
            String t = new String(parent, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (t.equals(type)) {
                found.add(Arrays.copyOfRange(parent, at, at + size));
            }
            at += size;
        }
        if (at != parent.length) {
            throw new AssertionError("boxes do not fill their parent");
        }
        return found;
    }
}
