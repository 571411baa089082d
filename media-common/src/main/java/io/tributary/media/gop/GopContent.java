package io.tributary.media.gop;

import io.tributary.media.amf.AmfValue;
import io.tributary.media.amf.AmfValue.AmfEcmaArray;
import io.tributary.media.amf.AmfValue.AmfObject;
import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.FlvFormatException;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.ScriptDataTag;
import io.tributary.media.flv.VideoTag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one GOP record holds: the stream's {@code onMetaData}, the current video and audio sequence headers, and
 * the tags of the GOP in order, with the session's own timestamps.
 *
 * <p>The record is kept in one canonical form, so that what {@link GopRecordWriter} writes,
 * {@link GopRecordReader} reads back equal:
 * <ul>
 *   <li>{@code duration} and {@code filesize} are dropped from {@code onMetaData}: they describe a file, and a
 *       player that finds them believes them (FFmpeg reports the publisher's stale duration for every record);</li>
 *   <li>the sequence headers carry the timestamp of the first audio or video tag (a decoder must have them no
 *       later than that), or, with no such tag, the video sequence header's own (else the audio one's);</li>
 *   <li>{@code tags} may not start with what would be read back into an empty slot before it (an
 *       {@code onMetaData} tag, or a sequence header): put it in its slot instead.</li>
 * </ul>
 *
 * @param onMetaData          the ECMA array (or object) of the stream's onMetaData, or null
 * @param videoSequenceHeader the current video sequence header tag, or null for a stream without video
 * @param audioSequenceHeader the current audio sequence header tag, or null
 * @param tags                the GOP: audio, video (and any script) tags in order
 */
public record GopContent(AmfValue onMetaData, VideoTag videoSequenceHeader, AudioTag audioSequenceHeader,
                         List<FlvTag> tags) {

    /** onMetaData properties that describe a whole file, not a fragment of a live stream. */
    private static final Set<String> FILE_PROPERTIES = Set.of("duration", "filesize");

    public GopContent {
        tags = List.copyOf(tags);
        onMetaData = withoutFileProperties(onMetaData);
        long start = startTimestamp(videoSequenceHeader, audioSequenceHeader, tags);
        if (videoSequenceHeader != null) {
            requireSequenceHeader(videoSequenceHeader);
            videoSequenceHeader = new VideoTag(start, videoSequenceHeader.body());
        }
        if (audioSequenceHeader != null) {
            requireSequenceHeader(audioSequenceHeader);
            audioSequenceHeader = new AudioTag(start, audioSequenceHeader.body());
        }
        if (!tags.isEmpty()) {
            requireUnambiguous(onMetaData, videoSequenceHeader, audioSequenceHeader, tags.get(0));
        }
    }

    /** The timestamp of the first audio or video tag, else of the sequence headers, else 0. */
    public long mediaStartMillis() {
        return startTimestamp(videoSequenceHeader, audioSequenceHeader, tags);
    }

    public boolean hasVideo() {
        return videoSequenceHeader != null || tags.stream().anyMatch(t -> t instanceof VideoTag);
    }

    public boolean hasAudio() {
        return audioSequenceHeader != null || tags.stream().anyMatch(t -> t instanceof AudioTag);
    }

    private static long startTimestamp(VideoTag video, AudioTag audio, List<FlvTag> tags) {
        for (FlvTag t : tags) {
            if (!(t instanceof ScriptDataTag)) {
                return t.timestamp();
            }
        }
        if (video != null) {
            return video.timestamp();
        }
        return audio != null ? audio.timestamp() : 0;
    }

    private static AmfValue withoutFileProperties(AmfValue meta) {
        if (meta == null) {
            return null;
        }
        if (meta instanceof AmfEcmaArray a) {
            return new AmfEcmaArray(without(a.properties()));
        }
        if (meta instanceof AmfObject o) {
            return new AmfObject(o.className(), without(o.properties()));
        }
        throw new IllegalArgumentException("onMetaData must be an ECMA array or an object, not " + meta);
    }

    private static Map<String, AmfValue> without(Map<String, AmfValue> properties) {
        Map<String, AmfValue> kept = new LinkedHashMap<>(properties);
        kept.keySet().removeAll(FILE_PROPERTIES);
        return kept;
    }

    private static void requireSequenceHeader(VideoTag tag) {
        try {
            if (!tag.packetHeader().isSequenceHeader()) {
                throw new IllegalArgumentException("not a video sequence header: " + tag.packetHeader());
            }
        } catch (FlvFormatException e) {
            throw new IllegalArgumentException("bad video sequence header: " + e.getMessage(), e);
        }
    }

    private static void requireSequenceHeader(AudioTag tag) {
        try {
            if (!tag.packetHeader().isSequenceHeader()) {
                throw new IllegalArgumentException("not an audio sequence header: " + tag.packetHeader());
            }
        } catch (FlvFormatException e) {
            throw new IllegalArgumentException("bad audio sequence header: " + e.getMessage(), e);
        }
    }

    /** The reader fills the slots greedily, in the order onMetaData, video, audio: the first tag must not fit one. */
    private static void requireUnambiguous(AmfValue meta, VideoTag video, AudioTag audio, FlvTag first) {
        boolean fitsSlot;
        try {
            if (first instanceof ScriptDataTag s) {
                fitsSlot = meta == null && video == null && audio == null
                        && ScriptDataTag.ON_META_DATA.equals(s.name());
            } else if (first instanceof VideoTag v) {
                fitsSlot = video == null && audio == null && v.packetHeader().isSequenceHeader();
            } else {
                fitsSlot = audio == null && ((AudioTag) first).packetHeader().isSequenceHeader();
            }
        } catch (FlvFormatException e) {
            fitsSlot = false; // a tag we cannot parse is no slot's: the reader will leave it among the tags
        }
        if (fitsSlot) {
            throw new IllegalArgumentException("the first tag would be read back as onMetaData or a sequence header;"
                    + " put it in its slot");
        }
    }
}
