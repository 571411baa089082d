package io.tributary.transcode.cmaf.box;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A test-only reader of the box structure of our own output: splits bytes into boxes by their size fields and
 * descends into the container boxes we write, so tests can check structure and read single fields.
 */
public final class BoxTree {
    /** Containers and the bytes of their own fields before the first child box. */
    private static final Map<String, Integer> CONTAINERS = Map.ofEntries(
            Map.entry("moov", 0), Map.entry("trak", 0), Map.entry("mdia", 0), Map.entry("minf", 0),
            Map.entry("dinf", 0), Map.entry("stbl", 0), Map.entry("mvex", 0), Map.entry("moof", 0),
            Map.entry("traf", 0), Map.entry("dref", 8), Map.entry("stsd", 8), Map.entry("avc1", 78),
            Map.entry("hvc1", 78), Map.entry("av01", 78), Map.entry("mp4a", 28), Map.entry("Opus", 28));

    /** One box: its type, where it starts in the file, and its total size. */
    public record Node(String type, int offset, int size, List<Node> children, byte[] file) {

        public int payloadOffset() {
            return offset + 8;
        }

        public byte[] payload() {
            byte[] p = new byte[size - 8];
            System.arraycopy(file, payloadOffset(), p, 0, p.length);
            return p;
        }

        /** A 32-bit field at {@code at} bytes into the payload (after size and type). */
        public long u32(int at) {
            return ByteBuffer.wrap(file, payloadOffset() + at, 4).getInt() & 0xFFFF_FFFFL;
        }

        public long u64(int at) {
            return ByteBuffer.wrap(file, payloadOffset() + at, 8).getLong();
        }

        public int i32(int at) {
            return ByteBuffer.wrap(file, payloadOffset() + at, 4).getInt();
        }

        public Node child(String type) {
            return children.stream().filter(c -> c.type.equals(type)).findFirst()
                    .orElseThrow(() -> new AssertionError("no '" + type + "' in '" + this.type + "'"));
        }

        public List<String> childTypes() {
            return children.stream().map(Node::type).toList();
        }

        /** A descendant by path, e.g. {@code trak/mdia/mdhd}. */
        public Node find(String path) {
            Node n = this;
            for (String type : path.split("/")) {
                n = n.child(type);
            }
            return n;
        }
    }

    private BoxTree() {
    }

    public static List<Node> parse(byte[] file) {
        return parse(file, 0, file.length);
    }

    /** The top-level box of {@code type}. */
    public static Node top(byte[] file, String type) {
        return parse(file).stream().filter(n -> n.type.equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no top-level '" + type + "'"));
    }

    private static List<Node> parse(byte[] file, int from, int to) {
        List<Node> nodes = new ArrayList<>();
        int at = from;
        while (at < to) {
            if (to - at < 8) {
                throw new AssertionError("trailing " + (to - at) + " bytes at " + at);
            }
            int size = ByteBuffer.wrap(file, at, 4).getInt();
            String type = new String(file, at + 4, 4, StandardCharsets.US_ASCII);
            if (size < 8 || at + size > to) {
                throw new AssertionError("box '" + type + "' at " + at + " has size " + size + ", " + (to - at) + " left");
            }
            Integer fields = CONTAINERS.get(type);
            List<Node> children = fields == null ? List.of() : parse(file, at + 8 + fields, at + size);
            nodes.add(new Node(type, at, size, children, file));
            at += size;
        }
        return nodes;
    }
}
