package io.tributary.transcode.ladder;

import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.VideoPacket;
import io.tributary.media.flv.VideoTag;
import io.tributary.media.gop.GopContent;
import io.tributary.transcode.cmaf.CmafFragmenter;
import io.tributary.transcode.cmaf.CmafSegment;
import io.tributary.transcode.cmaf.FlvSampleMapper;
import io.tributary.transcode.cmaf.GopSamples;
import io.tributary.transcode.cmaf.Sample;
import io.tributary.transcode.cmaf.Timescale;
import io.tributary.transcode.cmaf.TrackSegment;
import io.tributary.transcode.cmaf.VideoFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One GOP through the ladder, start to end: the source's samples (exactly as the source rendition packages them),
 * the rungs its size calls for, one ffmpeg run for all of them, each rung timed like the source and packaged as a
 * CMAF segment with the GOP's sequence number. Blocking; with single-threaded encoders (the default, see
 * {@link LadderConfig.Encoder#threads()}) deterministic for a given ffmpeg build, so a replayed GOP rewrites the same
 * segments.
 */
public final class GopLadder implements GopEncoding {
    private final LadderPlanner planner;
    private final RungEncoder encoder;

    public GopLadder(LadderPlanner planner, RungEncoder encoder) {
        this.planner = planner;
        this.encoder = encoder;
    }

    @Override
    public EncodedGop encode(LadderJob job, List<VideoTag> context, Set<String> dropped) {
        long started = System.nanoTime();
        GopSamples source;
        try {
            source = FlvSampleMapper.map(job.content(), job.endMillis());
        } catch (RuntimeException e) {
            throw new RungEncodingException("GOP " + job.sequence() + " cannot be read: " + e.getMessage(), e);
        }
        if (!source.hasVideo() || job.content().videoSequenceHeader() == null) {
            return EncodedGop.nothing(List.of());
        }
        VideoFormat format = source.videoFormat();
        List<Rung> planned = planner.plan(format.width(), format.height(), job.channel());
        List<Rung> rungs = planned.stream().filter(r -> !r.passthrough() && !dropped.contains(r.name())).toList();
        if (rungs.isEmpty()) {
            return EncodedGop.nothing(planned);
        }
        LadderInput input = LadderInput.of(job.content().videoSequenceHeader(), context,
                videoTags(job.content()), format.width());
        EncodedLadder encoded = encoder.encode(input, rungs, planner.ladder(job.channel()).watermark());
        List<RungSegment> segments = new ArrayList<>(rungs.size());
        for (EncodedRung rung : encoded.rungs()) {
            List<Sample> samples = RungTiming.align(source.video(), rung);
            CmafSegment segment = CmafFragmenter.fragment(rung.format(), job.sequence(), samples);
            segments.add(new RungSegment(rung.rung().name(), rung.rung(), new TrackSegment(rung.format(), segment)));
        }
        long ticks = source.video().stream().mapToLong(Sample::duration).sum();
        return new EncodedGop(planned, segments, new Timescale(VideoFormat.TIMESCALE).toDuration(ticks),
                Duration.ofNanos(System.nanoTime() - started), encoded.cpu());
    }

    /** The GOP's video as a decoder needs it: coded frames and any sequence header that changes the format. */
    static List<VideoTag> videoTags(GopContent content) {
        List<VideoTag> tags = new ArrayList<>();
        for (FlvTag t : content.tags()) {
            if (t instanceof VideoTag v) {
                VideoPacket.Kind kind = v.packet().kind();
                if (kind == VideoPacket.Kind.CODED_FRAMES || kind == VideoPacket.Kind.SEQUENCE_HEADER) {
                    tags.add(v);
                }
            }
        }
        return tags;
    }

    /** Whether a GOP's video starts with a keyframe, so it can be decoded alone. */
    static boolean startsWithKeyframe(List<VideoTag> tags) {
        for (VideoTag t : tags) {
            VideoPacket p = t.packet();
            if (p.kind() == VideoPacket.Kind.CODED_FRAMES) {
                return p.keyframe();
            }
        }
        return true;
    }
}
