package io.tributary.media.gop;

import io.tributary.media.flv.FlvHeader;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.FlvWriter;
import io.tributary.media.flv.ScriptDataTag;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the value of a GOP record: a self-contained FLV byte stream that any decoder can start from — the FLV
 * header (audio and video flags as present), {@code onMetaData}, the video and audio sequence headers, then the
 * tags, with the session's own timestamps (not rebased). {@code onMetaData} is written at timestamp 0: FFmpeg's FLV
 * demuxer takes a script tag with any other timestamp for a data stream.
 */
public final class GopRecordWriter {
    private static final int TAG_OVERHEAD = 11 + 4; // tag header and PreviousTagSize

    private GopRecordWriter() {
    }

    public static byte[] write(GopContent content) {
        FlvWriter w = new FlvWriter(new FlvHeader(content.hasAudio(), content.hasVideo()));
        writePreamble(w, content);
        content.tags().forEach(w::write);
        return w.toByteArray();
    }

    /**
     * Writes a GOP as one record, or as several when it does not fit in {@code maxRecordBytes}: each part is a
     * self-contained FLV stream with the same header, {@code onMetaData} and sequence headers and the next tags in
     * order, dated by its first audio or video tag. Parts after the first are the ones to flag
     * {@link GopFlag#CONTINUED}.
     *
     * @throws IllegalArgumentException if the preamble and a single tag do not fit in {@code maxRecordBytes}
     */
    public static List<GopRecordPart> writeParts(GopContent content, int maxRecordBytes) {
        FlvHeader header = new FlvHeader(content.hasAudio(), content.hasVideo());
        List<GopRecordPart> parts = new ArrayList<>();
        FlvWriter w = startPart(header, content);
        int preamble = w.size();
        boolean empty = true;
        long partStart = content.mediaStartMillis();
        boolean partDated = false;
        for (FlvTag tag : content.tags()) {
            int size = TAG_OVERHEAD + tag.body().length;
            if (preamble + size > maxRecordBytes) {
                throw new IllegalArgumentException("a tag of " + size + " bytes does not fit in a record of "
                        + maxRecordBytes + " bytes with its " + preamble + "-byte preamble");
            }
            if (!empty && w.size() + size > maxRecordBytes) {
                parts.add(new GopRecordPart(w.toByteArray(), partStart));
                w = startPart(header, content);
                partDated = false;
            }
            if (!partDated && !(tag instanceof ScriptDataTag)) {
                partStart = tag.timestamp();
                partDated = true;
            }
            w.write(tag);
            empty = false;
        }
        parts.add(new GopRecordPart(w.toByteArray(), partStart));
        return parts;
    }

    private static FlvWriter startPart(FlvHeader header, GopContent content) {
        FlvWriter w = new FlvWriter(header);
        writePreamble(w, content);
        return w;
    }

    private static void writePreamble(FlvWriter w, GopContent content) {
        if (content.onMetaData() != null) {
            w.write(ScriptDataTag.of(0, ScriptDataTag.ON_META_DATA, content.onMetaData()));
        }
        if (content.videoSequenceHeader() != null) {
            w.write(content.videoSequenceHeader());
        }
        if (content.audioSequenceHeader() != null) {
            w.write(content.audioSequenceHeader());
        }
    }
}
