package io.tributary.transcode.ladder;

import io.tributary.transcode.cmaf.CmafInitSegmentWriter;
import io.tributary.transcode.cmaf.TrackSegment;

/**
 * One rung's segment of one GOP, ready to store and list like the source's: the rendition it belongs to, its track
 * format (which decides its init segment) and its media segment, numbered with the GOP's sequence number.
 */
public record RungSegment(String rendition, Rung rung, TrackSegment track) {

    /** The rung's init segment ({@code ftyp + moov}): the same bytes for as long as the rung's format is the same. */
    public byte[] initSegment() {
        return CmafInitSegmentWriter.write(track.format());
    }
}
