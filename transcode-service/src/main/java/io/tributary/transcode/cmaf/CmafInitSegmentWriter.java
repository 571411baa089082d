package io.tributary.transcode.cmaf;

import io.tributary.transcode.cmaf.box.BoxWriter;
import io.tributary.transcode.cmaf.box.DinfBox;
import io.tributary.transcode.cmaf.box.FtypBox;
import io.tributary.transcode.cmaf.box.HdlrBox;
import io.tributary.transcode.cmaf.box.MdhdBox;
import io.tributary.transcode.cmaf.box.MdiaBox;
import io.tributary.transcode.cmaf.box.MediaHeaderBox;
import io.tributary.transcode.cmaf.box.MinfBox;
import io.tributary.transcode.cmaf.box.MoovBox;
import io.tributary.transcode.cmaf.box.MvexBox;
import io.tributary.transcode.cmaf.box.MvhdBox;
import io.tributary.transcode.cmaf.box.SmhdBox;
import io.tributary.transcode.cmaf.box.StblBox;
import io.tributary.transcode.cmaf.box.StsdBox;
import io.tributary.transcode.cmaf.box.TkhdBox;
import io.tributary.transcode.cmaf.box.TrakBox;
import io.tributary.transcode.cmaf.box.TrexBox;
import io.tributary.transcode.cmaf.box.VmhdBox;

/**
 * Writes the CMAF header (init segment, ISO/IEC 23000-19) of a one-track rendition: 'ftyp' then a 'moov'
 * with one 'trak' of no samples and 'mvex', so that every sample arrives in a fragment.
 *
 * <p>The result depends only on the {@link TrackFormat}: the same format always gives the same bytes, so a
 * replayed GOP rewrites an identical init segment, and a changed codec configuration is a changed format.
 */
public final class CmafInitSegmentWriter {
    /** Every CMAF track is alone in its file, so it is always track 1. */
    public static final long TRACK_ID = 1;
    /** 'mvhd' timescale; nothing is timed at movie level in a fragmented file (duration 0). */
    static final long MOVIE_TIMESCALE = 1000;

    private CmafInitSegmentWriter() {
    }

    public static byte[] write(TrackFormat format) {
        boolean video = format instanceof VideoFormat;
        int width = video ? ((VideoFormat) format).width() : 0;
        int height = video ? ((VideoFormat) format).height() : 0;
        MediaHeaderBox mediaHeader = video ? new VmhdBox() : new SmhdBox();
        HdlrBox hdlr = video ? new HdlrBox(HdlrBox.VIDEO, "VideoHandler") : new HdlrBox(HdlrBox.SOUND, "SoundHandler");
        TrakBox trak = new TrakBox(
                new TkhdBox(TRACK_ID, 0, video ? 0 : 0x0100, width, height),
                new MdiaBox(
                        new MdhdBox(format.timescale(), 0, "und"),
                        hdlr,
                        new MinfBox(mediaHeader, new DinfBox(), new StblBox(new StsdBox(format.sampleEntry())))));
        BoxWriter out = new BoxWriter(1024);
        out.write(new FtypBox(CmafBrands.INIT_MAJOR, 0, CmafBrands.INIT_COMPATIBLE));
        out.write(new MoovBox(new MvhdBox(MOVIE_TIMESCALE, 0, TRACK_ID + 1), trak, new MvexBox(new TrexBox(TRACK_ID))));
        return out.toByteArray();
    }
}
