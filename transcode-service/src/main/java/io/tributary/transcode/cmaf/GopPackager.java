package io.tributary.transcode.cmaf;

import io.tributary.media.gop.GopContent;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Packages one GOP record into one CMAF media segment per track: the whole of what the service does to a GOP before
 * any storage or manifest is involved.
 *
 * <p>A track without samples in this record (an audio-only stretch, the session's end record without tags) gives no
 * segment. Segments are numbered with the record's sequence number, so the segments of one GOP share it across
 * tracks and renditions, and a replayed record gives the same bytes.
 */
public final class GopPackager {

    private GopPackager() {
    }

    /**
     * @param sequence the record's sequence number in its session
     * @param endMillis the record's declared end (media start plus duration): the last video frame lasts up to it
     * @return the video segment (if any) then the audio one (if any)
     * @throws io.tributary.media.flv.FlvFormatException for a tag whose header cannot be read
     * @throws io.tributary.media.codec.CodecConfigException for a sequence header that cannot be parsed
     * @throws IllegalArgumentException for timestamps no segment can carry
     */
    public static List<TrackSegment> pack(GopContent content, long sequence, OptionalLong endMillis) {
        GopSamples samples = FlvSampleMapper.map(content, endMillis);
        List<TrackSegment> segments = new ArrayList<>(2);
        if (samples.hasVideo()) {
            segments.add(new TrackSegment(samples.videoFormat(),
                    CmafFragmenter.fragment(samples.videoFormat(), sequence, samples.video())));
        }
        if (samples.hasAudio()) {
            segments.add(new TrackSegment(samples.audioFormat(),
                    CmafFragmenter.fragment(samples.audioFormat(), sequence, samples.audio())));
        }
        return segments;
    }
}
