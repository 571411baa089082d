/**
 * The DASH MPD (ISO/IEC 23009-1) naming the same CMAF segments as the HLS playlists: dynamic with a SegmentTimeline
 * while live, static once the session ends ({@link io.tributary.transcode.manifest.dash.DashMpd}). State in, text out.
 */
package io.tributary.transcode.manifest.dash;
