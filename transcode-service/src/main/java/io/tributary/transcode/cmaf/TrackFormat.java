package io.tributary.transcode.cmaf;

import io.tributary.transcode.cmaf.box.SampleEntry;

/**
 * What a CMAF track carries: its codec configuration, the facts the manifests need about it, and its timescale.
 *
 * <p>One track per init segment: video and audio are separate CMAF tracks (separate renditions), so one audio
 * rendition can serve every video rendition of the ladder. The records hold exactly what an FLV sequence header
 * gives (the codec configuration record) plus what a codec parser derives from it (size, codec string), so this
 * package does not depend on any particular parser.
 */
public sealed interface TrackFormat permits VideoFormat, AudioFormat {

    /** Ticks per second of the track's media timeline ('mdhd' timescale). */
    int timescale();

    /** RFC 6381 codec string for HLS CODECS and DASH @codecs, e.g. {@code avc1.64001f}, {@code mp4a.40.2}. */
    String codecString();

    /** The 'stsd' entry that tells a decoder how to read the samples. */
    SampleEntry sampleEntry();
}
