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

    private GopRecordWriter() {
    }

    public static byte[] write(GopContent content) {
        List<FlvTag> preamble = preamble(content);
        FlvHeader header = new FlvHeader(content.hasAudio(), content.hasVideo());
        return part(header, preamble, content.tags(), size(FlvWriter.streamSize(preamble) + tagBytes(content.tags())));
    }

    /**
     * Writes a GOP as one record, or as several when it does not fit in {@code maxRecordBytes}: each part is a
     * self-contained FLV stream with the same header, {@code onMetaData} and sequence headers and the next tags in
     * order, dated by its first audio or video tag. Parts after the first are the ones to flag
     * {@link GopFlag#CONTINUED}.
     *
     * <p>The parts are planned from the tags' sizes first, then each is written into an array of its exact size.
     *
     * @throws IllegalArgumentException if the preamble and a single tag do not fit in {@code maxRecordBytes}
     */
    public static List<GopRecordPart> writeParts(GopContent content, int maxRecordBytes) {
        FlvHeader header = new FlvHeader(content.hasAudio(), content.hasVideo());
        List<FlvTag> preamble = preamble(content);
        long preambleBytes = FlvWriter.streamSize(preamble);
        List<FlvTag> tags = content.tags();
        List<GopRecordPart> parts = new ArrayList<>(1);
        int from = 0;
        long partBytes = preambleBytes;
        long partStart = content.mediaStartMillis();
        boolean partDated = false;
        for (int i = 0; i < tags.size(); i++) {
            FlvTag tag = tags.get(i);
            int size = FlvWriter.tagSize(tag);
            if (preambleBytes + size > maxRecordBytes) {
                throw new IllegalArgumentException("a tag of " + size + " bytes does not fit in a record of "
                        + maxRecordBytes + " bytes with its " + preambleBytes + "-byte preamble");
            }
            if (i > from && partBytes + size > maxRecordBytes) {
                parts.add(new GopRecordPart(part(header, preamble, tags.subList(from, i), size(partBytes)), partStart));
                from = i;
                partBytes = preambleBytes;
                partDated = false; // dated by its first audio or video tag; without one, where the last part was
            }
            if (!partDated && !(tag instanceof ScriptDataTag)) {
                partStart = tag.timestamp();
                partDated = true;
            }
            partBytes += size;
        }
        parts.add(new GopRecordPart(part(header, preamble, tags.subList(from, tags.size()), size(partBytes)),
                partStart));
        return parts;
    }

    private static byte[] part(FlvHeader header, List<FlvTag> preamble, List<FlvTag> tags, int size) {
        FlvWriter w = new FlvWriter(header, size);
        preamble.forEach(w::write);
        tags.forEach(w::write);
        return w.toByteArray();
    }

    private static long tagBytes(List<FlvTag> tags) {
        long n = 0;
        for (FlvTag tag : tags) {
            n += FlvWriter.tagSize(tag);
        }
        return n;
    }

    private static int size(long bytes) {
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a GOP record of " + bytes + " bytes cannot be held in one array");
        }
        return (int) bytes;
    }

    /** The tags every part starts with: onMetaData (written once, for all parts), the sequence headers. */
    private static List<FlvTag> preamble(GopContent content) {
        List<FlvTag> tags = new ArrayList<>(3);
        if (content.onMetaData() != null) {
            tags.add(ScriptDataTag.of(0, ScriptDataTag.ON_META_DATA, content.onMetaData()));
        }
        if (content.videoSequenceHeader() != null) {
            tags.add(content.videoSequenceHeader());
        }
        if (content.audioSequenceHeader() != null) {
            tags.add(content.audioSequenceHeader());
        }
        return tags;
    }
}
