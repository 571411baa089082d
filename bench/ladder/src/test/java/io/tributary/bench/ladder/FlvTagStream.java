package io.tributary.bench.ladder;

import io.tributary.media.flv.VideoTag;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the video tags of an FLV stream as they arrive on a pipe (media-common's reader wants the whole buffer): the
 * long-lived encoder's outputs are never whole until the process ends.
 */
final class FlvTagStream {
    private static final int VIDEO = 9;
    private final DataInputStream in;

    FlvTagStream(InputStream in) throws IOException {
        this.in = new DataInputStream(new BufferedInputStream(in, 1 << 16));
        byte[] header = new byte[9];
        this.in.readFully(header); // "FLV", version, flags, DataOffset (FLV 10.1 §E.2)
        int dataOffset = ((header[5] & 0xFF) << 24) | ((header[6] & 0xFF) << 16) | ((header[7] & 0xFF) << 8)
                | (header[8] & 0xFF);
        // rest of the header, PreviousTagSize0; read, not skipped: a pipe cannot seek
        this.in.readNBytes(dataOffset - 9 + 4);
    }

    /** The next video tag, or null at the end of the stream. */
    VideoTag next() throws IOException {
        while (true) {
            int type = in.read();
            if (type < 0) {
                return null;
            }
            try {
                int size = u24();
                long timestamp = u24() | ((long) in.readUnsignedByte() << 24);
                u24(); // StreamID
                byte[] body = new byte[size];
                in.readFully(body);
                in.readInt(); // PreviousTagSize
                if ((type & 0x1F) == VIDEO) {
                    return new VideoTag(timestamp, body);
                }
            } catch (EOFException e) {
                return null;
            }
        }
    }

    private int u24() throws IOException {
        return (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
    }
}
