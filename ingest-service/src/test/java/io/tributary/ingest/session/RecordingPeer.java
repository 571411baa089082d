package io.tributary.ingest.session;

import io.tributary.ingest.rtmp.message.CommandAmf0;
import io.tributary.ingest.rtmp.message.RtmpMessage;
import io.tributary.media.amf.AmfValue;
import io.tributary.media.amf.AmfValue.AmfObject;
import io.tributary.media.amf.AmfValue.AmfString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link Peer} that records what the session does to the connection. */
final class RecordingPeer implements Peer {

    final List<RtmpMessage> sent = new ArrayList<>();
    boolean holding;
    boolean paused;
    boolean closed;
    int releases;

    @Override
    public void send(RtmpMessage message) {
        sent.add(message);
    }

    @Override
    public void holdInput() {
        holding = true;
    }

    @Override
    public void releaseInput() {
        holding = false;
        releases++;
    }

    @Override
    public void pauseReading() {
        paused = true;
    }

    @Override
    public void resumeReading() {
        paused = false;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String remoteIp() {
        return "203.0.113.7";
    }

    @Override
    public String remoteAddress() {
        return "203.0.113.7:50000";
    }

    /** Names of the AMF0 commands sent, in order ("_result", "onStatus"...). */
    List<String> commandNames() {
        List<String> names = new ArrayList<>();
        for (RtmpMessage m : sent) {
            if (m instanceof CommandAmf0 c && c.values().get(0) instanceof AmfString s) {
                names.add(s.value());
            }
        }
        return names;
    }

    /** The info object's {@code code} and {@code description} of the last onStatus sent. */
    Optional<String[]> lastStatus() {
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i) instanceof CommandAmf0 c && c.values().get(0) instanceof AmfString s
                    && s.value().equals("onStatus") && c.values().get(3) instanceof AmfObject info) {
                return Optional.of(new String[] {text(info, "code"), text(info, "description")});
            }
        }
        return Optional.empty();
    }

    private static String text(AmfObject o, String key) {
        AmfValue v = o.properties().get(key);
        return v instanceof AmfString s ? s.value() : null;
    }
}
