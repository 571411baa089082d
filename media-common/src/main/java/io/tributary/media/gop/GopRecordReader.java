package io.tributary.media.gop;

import io.tributary.media.amf.AmfValue;
import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.FlvFormatException;
import io.tributary.media.flv.FlvReader;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.ScriptDataTag;
import io.tributary.media.flv.VideoTag;

import java.util.List;

/**
 * Reads the value of a GOP record written by {@link GopRecordWriter}: the leading {@code onMetaData} script tag,
 * video sequence header and audio sequence header (each optional, in that order) go to their slots, every other
 * tag to {@link GopContent#tags()}. Anything that is not such an FLV stream is a {@link GopRecordException}.
 */
public final class GopRecordReader {
    private GopRecordReader() {
    }

    public static GopContent read(byte[] value) {
        try {
            List<FlvTag> tags = new FlvReader(value).readAll();
            int i = 0;
            AmfValue meta = null;
            if (i < tags.size() && tags.get(i) instanceof ScriptDataTag s
                    && ScriptDataTag.ON_META_DATA.equals(s.name())) {
                List<AmfValue> args = s.arguments();
                if (args.isEmpty()) {
                    throw new GopRecordException("GOP record onMetaData without its properties");
                }
                meta = args.get(0);
                i++;
            }
            VideoTag video = null;
            if (i < tags.size() && tags.get(i) instanceof VideoTag v && v.packetHeader().isSequenceHeader()) {
                video = v;
                i++;
            }
            AudioTag audio = null;
            if (i < tags.size() && tags.get(i) instanceof AudioTag a && a.packetHeader().isSequenceHeader()) {
                audio = a;
                i++;
            }
            return new GopContent(meta, video, audio, tags.subList(i, tags.size()));
        } catch (FlvFormatException | IllegalArgumentException e) {
            throw new GopRecordException("not a GOP record: " + e.getMessage(), e);
        }
    }
}
