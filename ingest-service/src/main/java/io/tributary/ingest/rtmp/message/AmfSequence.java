package io.tributary.ingest.rtmp.message;

import io.tributary.ingest.rtmp.RtmpProtocolException;
import io.tributary.ingest.rtmp.RtmpProtocolException.Reason;
import io.tributary.media.amf.Amf0Reader;
import io.tributary.media.amf.Amf0Writer;
import io.tributary.media.amf.Amf3Reader;
import io.tributary.media.amf.AmfException;
import io.tributary.media.amf.AmfValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a command or data message: AMF0 values one after another (RTMP spec 7.1.1, 7.1.2). A top-level value
 * may be AMF3, announced by the AMF0 avmplus-object marker 0x11 (AMF0 spec 3.1), which Flash Player does in type 15
 * and 17 messages; each such value starts fresh AMF3 reference tables.
 */
final class AmfSequence {

    private static final int AVMPLUS_OBJECT_MARKER = 0x11;

    private AmfSequence() {
    }

    /** @throws RtmpProtocolException {@link Reason#MALFORMED_AMF} for anything the AMF readers reject */
    static List<AmfValue> read(byte[] payload, int offset, int maxDepth) {
        List<AmfValue> values = new ArrayList<>();
        try {
            int at = offset;
            while (at < payload.length) {
                if ((payload[at] & 0xFF) == AVMPLUS_OBJECT_MARKER) {
                    Amf3Reader amf3 = new Amf3Reader(payload, at + 1, payload.length - at - 1, maxDepth);
                    values.add(amf3.read());
                    at = amf3.position();
                } else {
                    // one AMF0 reader for each run of AMF0 values, so AMF0 references within the run resolve
                    Amf0Reader amf0 = new Amf0Reader(payload, at, payload.length - at, maxDepth);
                    do {
                        values.add(amf0.read());
                    } while (amf0.hasRemaining() && (payload[amf0.position()] & 0xFF) != AVMPLUS_OBJECT_MARKER);
                    at = amf0.position();
                }
            }
        } catch (AmfException e) {
            throw new RtmpProtocolException(Reason.MALFORMED_AMF, "AMF: " + e.getMessage(), e);
        }
        return values;
    }

    /** AMF0 only: every client reads it, whatever object encoding it announced. */
    static byte[] write(int prefixBytes, List<AmfValue> values) {
        Amf0Writer writer = new Amf0Writer();
        values.forEach(writer::write);
        byte[] amf = writer.toByteArray();
        byte[] out = new byte[prefixBytes + amf.length];
        System.arraycopy(amf, 0, out, prefixBytes, amf.length);
        return out;
    }
}
