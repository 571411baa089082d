package io.tributary.media.gop;

import io.tributary.media.amf.AmfValue;
import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.ScriptDataTag;
import io.tributary.media.flv.VideoPacket;
import io.tributary.media.flv.VideoTag;

import java.util.ArrayList;
import java.util.List;

/** Cuts a recorded FLV into GOPs the way an ingest would: a new GOP at each video keyframe. Test code only. */
final class GopSplitter {
    private GopSplitter() {
    }

    static List<GopContent> split(List<FlvTag> tags) {
        List<GopContent> gops = new ArrayList<>();
        AmfValue meta = null;
        VideoTag video = null;
        AudioTag audio = null;
        List<FlvTag> current = null;
        for (FlvTag t : tags) {
            if (t instanceof ScriptDataTag s && ScriptDataTag.ON_META_DATA.equals(s.name())) {
                meta = s.arguments().get(0);
            } else if (t instanceof VideoTag v && v.packet().isSequenceHeader()) {
                video = v;
            } else if (t instanceof AudioTag a && a.packet().isSequenceHeader()) {
                audio = a;
            } else if (t instanceof VideoTag v && v.packet().keyframe()) {
                if (current != null) {
                    gops.add(new GopContent(meta, video, audio, current));
                }
                current = new ArrayList<>(List.of(v));
            } else if (current != null
                    && !(t instanceof VideoTag v && v.packet().kind() == VideoPacket.Kind.METADATA)) {
                current.add(t);
            }
        }
        if (current != null) {
            gops.add(new GopContent(meta, video, audio, current));
        }
        return gops;
    }
}
