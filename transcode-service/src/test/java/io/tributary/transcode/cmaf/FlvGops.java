package io.tributary.transcode.cmaf;

import io.tributary.media.flv.AudioPacket;
import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.FlvReader;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.VideoPacket;
import io.tributary.media.flv.VideoTag;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Test stand-in for the ingest's GOP records: splits an FLV file at each video keyframe, and starts every GOP with
 * the current sequence headers so that each one is self-contained, as the records on {@code stream-gops} are.
 */
final class FlvGops {

    /** One GOP: its tags and its declared end (the next GOP's keyframe time), empty for the last. */
    record Gop(long sequence, List<FlvTag> tags, OptionalLong endMillis) {
    }

    private FlvGops() {
    }

    static List<Gop> split(byte[] flv) {
        List<List<FlvTag>> groups = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        FlvTag videoHeader = null;
        FlvTag audioHeader = null;
        List<FlvTag> current = new ArrayList<>();
        for (FlvTag tag : new FlvReader(flv).readAll()) {
            if (tag instanceof VideoTag v) {
                VideoPacket p = v.packet();
                if (p.isSequenceHeader()) {
                    videoHeader = tag;
                    continue;
                }
                if (p.keyframe()) {
                    if (!starts.isEmpty()) {
                        groups.add(current);
                    }
                    current = new ArrayList<>();
                    current.add(videoHeader);
                    if (audioHeader != null) {
                        current.add(audioHeader);
                    }
                    starts.add(p.dts());
                }
            } else if (tag instanceof AudioTag a && a.packet().kind() == AudioPacket.Kind.SEQUENCE_HEADER) {
                audioHeader = tag;
                continue;
            }
            if (tag instanceof VideoTag || tag instanceof AudioTag) {
                current.add(tag);
            }
        }
        groups.add(current);
        List<Gop> gops = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            OptionalLong end = i + 1 < starts.size() ? OptionalLong.of(starts.get(i + 1)) : OptionalLong.empty();
            gops.add(new Gop(i, groups.get(i), end));
        }
        return gops;
    }
}
