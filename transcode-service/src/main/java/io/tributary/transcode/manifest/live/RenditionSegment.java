package io.tributary.transcode.manifest.live;

import io.tributary.transcode.cmaf.Timescale;
import java.time.Duration;

/**
 * One rendition's segment of a GOP, as the manifests name it.
 *
 * @param uri its object name in the rendition's folder ({@link SegmentNames#media})
 * @param sequence the GOP's sequence number in its session (DASH $Number$)
 * @param baseMediaDecodeTime its 'tfdt', in {@code facts.timescale()} ticks
 * @param duration in the same ticks
 * @param bytes its size, for the measured bit rates
 * @param independent it starts with a keyframe (every segment but a GOP's continuation)
 */
public record RenditionSegment(String rendition, TrackFacts facts, String uri, long sequence,
                               long baseMediaDecodeTime, long duration, long bytes, boolean independent) {

    public RenditionSegment {
        if (rendition == null || facts == null || uri == null) {
            throw new IllegalArgumentException("a segment needs a rendition, facts and a URI");
        }
        if (sequence < 0 || baseMediaDecodeTime < 0 || duration <= 0 || bytes <= 0) {
            throw new IllegalArgumentException("bad segment " + uri + ": seq " + sequence + ", t " + baseMediaDecodeTime
                    + ", d " + duration + ", " + bytes + " bytes");
        }
    }

    public Duration mediaDuration() {
        return new Timescale(facts.timescale()).toDuration(duration);
    }

    /** Where it ends on its track's timeline, in milliseconds (rounded down). */
    long endMillis() {
        return Math.multiplyExact(baseMediaDecodeTime + duration, 1000L) / facts.timescale();
    }
}
