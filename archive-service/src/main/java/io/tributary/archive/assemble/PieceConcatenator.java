package io.tributary.archive.assemble;

import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.FlvFormatException;
import io.tributary.media.flv.FlvReader;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.ScriptDataTag;
import io.tributary.media.flv.VideoTag;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.jboss.logging.Logger;

/**
 * Joins the pieces of a session, in sequence order, into one FLV stream with their own timestamps: the tags of
 * every piece, the sequence headers once (again only if they change), no script data (each piece's
 * {@code onMetaData} describes that piece alone).
 *
 * <p>Decode timestamps must rise strictly within each stream for the MP4 muxer. They do when pieces follow each
 * other (the encoder's delay is the same in every piece); should a piece boundary of a variable-frame-rate source
 * put two frames on one millisecond, the later frame's decode timestamp is moved up by the difference and its
 * AVC CompositionTime (FLV 10.1 §E.4.3.1) reduced by as much, so that it is still shown when it was.
 */
public final class PieceConcatenator implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PieceConcatenator.class);

    private final OutputStream out;
    private FlvStreamWriter writer;
    private byte[] videoConfig;
    private byte[] audioConfig;
    private long lastVideoTs = -1;
    private long lastAudioTs = -1;
    private int pieces;
    private int retimed;

    public PieceConcatenator(OutputStream out) {
        this.out = out;
    }

    /**
     * Appends a piece.
     *
     * @throws FlvFormatException when the piece is not an FLV stream
     */
    public void append(byte[] piece) throws IOException {
        FlvReader reader = new FlvReader(piece);
        if (writer == null) {
            writer = new FlvStreamWriter(out, reader.header());
        }
        pieces++;
        while (reader.hasNext()) {
            FlvTag tag = reader.next();
            if (tag instanceof ScriptDataTag) {
                continue;
            }
            if (tag instanceof VideoTag v && isSequenceHeader(v)) {
                if (!Arrays.equals(videoConfig, v.body())) {
                    if (videoConfig != null) {
                        LOG.warnf("video sequence header changes in piece %d: players may not follow", pieces);
                    }
                    videoConfig = v.body();
                    writer.write(new VideoTag(Math.max(v.timestamp(), lastVideoTs + 1), v.body()));
                }
                continue;
            }
            if (tag instanceof AudioTag a && isSequenceHeader(a)) {
                if (!Arrays.equals(audioConfig, a.body())) {
                    if (audioConfig != null) {
                        LOG.warnf("audio sequence header changes in piece %d: players may not follow", pieces);
                    }
                    audioConfig = a.body();
                    writer.write(new AudioTag(Math.max(a.timestamp(), lastAudioTs + 1), a.body()));
                }
                continue;
            }
            if (tag instanceof VideoTag v) {
                VideoTag fixed = v.timestamp() > lastVideoTs ? v : retime(v, lastVideoTs + 1);
                lastVideoTs = fixed.timestamp();
                writer.write(fixed);
            } else {
                AudioTag a = (AudioTag) tag;
                AudioTag fixed = a.timestamp() > lastAudioTs ? a : new AudioTag(lastAudioTs + 1, a.body());
                if (fixed != a) {
                    retimed++;
                }
                lastAudioTs = fixed.timestamp();
                writer.write(fixed);
            }
        }
    }

    /** Pieces appended so far. */
    public int pieces() {
        return pieces;
    }

    /** Tags whose decode timestamp had to be moved up. */
    public int retimed() {
        return retimed;
    }

    public long bytesWritten() {
        return writer == null ? 0 : writer.bytesWritten();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** The frame at decode time {@code ts}, still shown at its presentation time where CompositionTime allows. */
    private VideoTag retime(VideoTag v, long ts) {
        retimed++;
        byte[] body = v.body();
        long shift = ts - v.timestamp();
        // legacy AVC NALU: FrameType|CodecID (7), AVCPacketType 1, then SI24 CompositionTime (FLV 10.1 §E.4.3.1)
        if (body.length >= 5 && (body[0] & 0x0F) == 7 && body[1] == 1) {
            int cts = ((body[2] & 0xFF) << 16 | (body[3] & 0xFF) << 8 | (body[4] & 0xFF)) << 8 >> 8;
            int moved = (int) Math.max(0, cts - shift);
            byte[] copy = body.clone();
            copy[2] = (byte) (moved >>> 16);
            copy[3] = (byte) (moved >>> 8);
            copy[4] = (byte) moved;
            return new VideoTag(ts, copy);
        }
        return new VideoTag(ts, body);
    }

    private static boolean isSequenceHeader(VideoTag v) {
        try {
            return v.packet().isSequenceHeader();
        } catch (FlvFormatException e) {
            return false;
        }
    }

    private static boolean isSequenceHeader(AudioTag a) {
        try {
            return a.packet().isSequenceHeader();
        } catch (FlvFormatException e) {
            return false;
        }
    }
}
