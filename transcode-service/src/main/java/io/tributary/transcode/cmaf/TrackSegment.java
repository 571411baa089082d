package io.tributary.transcode.cmaf;

/**
 * One track's share of a GOP, packaged: the track's format (which decides its init segment) and its media segment.
 */
public record TrackSegment(TrackFormat format, CmafSegment segment) {

    public boolean isVideo() {
        return format instanceof VideoFormat;
    }
}
