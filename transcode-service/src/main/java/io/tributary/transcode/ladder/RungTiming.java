package io.tributary.transcode.ladder;

import io.tributary.transcode.cmaf.Sample;
import io.tributary.transcode.cmaf.Timescale;
import io.tributary.transcode.cmaf.VideoFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gives a rung's encoded frames the source's sample times, so that its segment has the same 'tfdt', the same
 * duration and the same number of samples as the source's segment of the GOP: players switch renditions at any
 * segment boundary, and DASH's SegmentTimeline and HLS's segment list are the same for every rung.
 *
 * <p>A rung has no B-frames, so its k-th frame in decode order is its k-th in presentation order, and shows at the
 * source's k-th presentation time. It takes the source's k-th decode time and duration, so decode times tile the
 * segment exactly as the source's do. Its composition offset (k-th presentation time minus k-th decode time) is never
 * negative: in any decodable stream, the k-th picture shown cannot be shown before k pictures are decoded. The frame's
 * own timestamp (ffmpeg kept the source's) must agree to the millisecond, FLV's precision: a frame dropped or
 * duplicated anywhere would break that, and is refused rather than packaged out of step.
 */
public final class RungTiming {
    /** FLV timestamps are whole milliseconds: 90 ticks on the 90 kHz video clock. */
    private static final long TOLERANCE_TICKS = VideoFormat.TIMESCALE / 1000;

    private RungTiming() {
    }

    /**
     * @param source the source's samples of the GOP, in decode order
     * @param rung the rung's frames of the same GOP, in decode order
     * @throws RungEncodingException if the counts differ, the first frame is not a keyframe, or a frame's time is not
     *     the source's
     */
    public static List<Sample> align(List<Sample> source, EncodedRung rung) {
        List<CodedFrame> frames = rung.frames();
        String name = rung.rung().name();
        if (frames.size() != source.size()) {
            throw new RungEncodingException("rung " + name + " has " + frames.size() + " frames, the source "
                    + source.size());
        }
        if (frames.isEmpty()) {
            return List.of();
        }
        if (!frames.get(0).keyframe()) {
            throw new RungEncodingException("rung " + name + " does not start with a keyframe");
        }
        long[] presentation = source.stream().mapToLong(Sample::presentationTime).toArray();
        Arrays.sort(presentation);
        Timescale ts = new Timescale(VideoFormat.TIMESCALE);
        List<Sample> samples = new ArrayList<>(frames.size());
        for (int k = 0; k < frames.size(); k++) {
            CodedFrame f = frames.get(k);
            long framePts = ts.fromMillis(f.ptsMillis());
            if (Math.abs(framePts - presentation[k]) > TOLERANCE_TICKS) {
                throw new RungEncodingException("rung " + name + " frame " + k + " shows at " + f.ptsMillis()
                        + " ms, the source's at " + presentation[k] / TOLERANCE_TICKS + " ms");
            }
            Sample s = source.get(k);
            long offset = presentation[k] - s.decodeTime();
            samples.add(new Sample(s.decodeTime(), Math.toIntExact(offset), f.keyframe(), s.duration(), f.data()));
        }
        return samples;
    }
}
