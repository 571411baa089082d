package io.tributary.transcode.consume;

import io.tributary.media.gop.GopMetadata;
import io.tributary.transcode.cmaf.AudioFormat;
import io.tributary.transcode.cmaf.CmafInitSegmentWriter;
import io.tributary.transcode.cmaf.CmafSegment;
import io.tributary.transcode.cmaf.TrackSegment;
import io.tributary.transcode.cmaf.VideoFormat;
import io.tributary.transcode.manifest.FrameRate;
import io.tributary.transcode.manifest.live.RenditionSegment;
import io.tributary.transcode.manifest.live.SegmentNames;
import io.tributary.transcode.manifest.live.TrackFacts;
import io.tributary.transcode.store.OutputKeys;
import io.tributary.transcode.store.OutputObjects;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a GOP's packaged tracks into renditions: the video track is {@link Renditions#SOURCE}, the audio track
 * {@link Renditions#AUDIO}, and the ladder's rungs are named after their rung; each gets its facts for the manifests,
 * its content-named init segment and its media segment key.
 */
final class GopRenditions {

    private GopRenditions() {
    }

    static List<RenditionOutput> of(String channel, GopMetadata gop, List<TrackSegment> tracks) {
        List<RenditionOutput> outputs = new ArrayList<>(tracks.size());
        for (TrackSegment t : tracks) {
            String rendition = t.isVideo() ? Renditions.SOURCE : Renditions.AUDIO;
            outputs.add(of(channel, gop.sessionId(), gop.sequence(), rendition, t));
        }
        return outputs;
    }

    /**
     * One rendition's output for the GOP {@code sequence} of the session: {@link Renditions#SOURCE} and
     * {@link Renditions#AUDIO}, or a rung of the ABR ladder (a video track encoded from the source's), which is named,
     * stored and described exactly like the source.
     */
    static RenditionOutput of(String channel, String sessionId, long sequence, String rendition, TrackSegment t) {
        byte[] init = CmafInitSegmentWriter.write(t.format());
        String initName = OutputKeys.initObjectName(init);
        CmafSegment s = t.segment();
        TrackFacts facts = t.format() instanceof VideoFormat v
                ? TrackFacts.video(v.codecString(), v.timescale(), v.width(), v.height(), frameRate(s), initName)
                : audio((AudioFormat) t.format(), initName);
        RenditionSegment entry = new RenditionSegment(rendition, facts, SegmentNames.media(sessionId, sequence),
                sequence, s.baseMediaDecodeTime(), s.duration(), s.bytes().length, s.independent());
        return new RenditionOutput(entry,
                OutputObjects.segment(OutputKeys.mediaSegment(channel, rendition, sessionId, sequence), s.bytes()),
                OutputObjects.init(OutputKeys.renditionObject(channel, rendition, initName), init));
    }

    private static TrackFacts audio(AudioFormat a, String initName) {
        return TrackFacts.audio(a.codecString(), a.timescale(), a.sampleRate(), a.channels(), initName);
    }

    /**
     * Frames over the GOP's duration (its last frame lasts up to the next keyframe, so n frames span n intervals):
     * exact for a constant frame rate, and {@link FrameRate#approximate} recognizes 29.97 and the like. Null for a
     * GOP of one frame, whose duration says nothing.
     */
    private static FrameRate frameRate(CmafSegment s) {
        if (s.sampleCount() < 2 || s.duration() <= 0) {
            return null;
        }
        double fps = s.sampleCount() * (double) s.timescale() / s.duration();
        return fps > 0 && fps <= 1000 ? FrameRate.approximate(fps) : null;
    }
}
