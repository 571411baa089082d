/**
 * CMAF packaging of one rendition, in Java: a {@link io.tributary.transcode.cmaf.TrackFormat} gives the init segment
 * ({@link io.tributary.transcode.cmaf.CmafInitSegmentWriter}), and each GOP's
 * {@link io.tributary.transcode.cmaf.Sample}s give one media segment
 * ({@link io.tributary.transcode.cmaf.CmafFragmenter}). {@link io.tributary.transcode.cmaf.SampleConverter} turns
 * FLV's millisecond timing into samples on the track's timescale.
 *
 * <p>Pure: no I/O, no framework. One track per file (ISO/IEC 23000-19 CMAF tracks), so video and audio are separate
 * renditions and one audio rendition can serve every video rendition.
 */
package io.tributary.transcode.cmaf;
