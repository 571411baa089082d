/**
 * HLS playlists (RFC 8216): the live media playlist of one rendition as an immutable sliding window
 * ({@link io.tributary.transcode.manifest.hls.HlsMediaPlaylist}), and the multivariant playlist that lists the
 * renditions ({@link io.tributary.transcode.manifest.hls.HlsMultivariantPlaylist}). State in, text out.
 */
package io.tributary.transcode.manifest.hls;
