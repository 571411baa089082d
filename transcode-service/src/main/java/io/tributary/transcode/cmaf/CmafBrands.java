package io.tributary.transcode.cmaf;

import java.util.List;

/**
 * The brands our files declare, and why.
 *
 * <ul>
 *   <li>Init segment 'ftyp': major {@code iso6}, compatible {@code iso6 cmfc mp41}. {@code iso6} covers what our
 *   fragments use from ISO/IEC 14496-12 (64-bit 'tfdt', 'trun' version 1 with signed composition offsets, 'styp');
 *   {@code cmfc} declares the CMAF track constraints we follow (ISO/IEC 23000-19: one track, one 'traf' and one
 *   'trun' per fragment, 'tfdt' in every fragment, default-base-is-moof); {@code mp41} lets older MP4 sniffers
 *   recognise the file. We do not claim {@code cmf2}: it asks for the first presented sample to start at the
 *   fragment's decode time (negative offsets instead of an edit list), while we keep FLV's composition offsets as
 *   they are so that audio and video stay in sync without rewriting either track's times.</li>
 *   <li>Media segment 'styp': major {@code cmfs} (a CMAF segment), compatible {@code cmfs msdh} ({@code msdh}: a
 *   DASH media segment, ISO/IEC 23009-1 §6.3.4.2). Not {@code msix}: we write no 'sidx'.</li>
 * </ul>
 */
public final class CmafBrands {
    public static final String INIT_MAJOR = "iso6";
    public static final List<String> INIT_COMPATIBLE = List.of("iso6", "cmfc", "mp41");
    public static final String SEGMENT_MAJOR = "cmfs";
    public static final List<String> SEGMENT_COMPATIBLE = List.of("cmfs", "msdh");

    private CmafBrands() {
    }
}
