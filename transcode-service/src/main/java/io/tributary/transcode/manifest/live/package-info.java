/**
 * The live presentation of one channel as a value: every rendition's HLS window, the DASH Periods over the same
 * segments, and how one GOP's segments change them ({@link io.tributary.transcode.manifest.live.LivePresentation}),
 * then the multivariant playlist and the MPD written from it
 * ({@link io.tributary.transcode.manifest.live.PresentationManifests}).
 *
 * <p>Pure, and deterministic: the same presentation and the same GOP give the same playlists, whichever worker
 * computes them, so a replayed or taken-over stream rewrites identical manifests. The only input that is not in the
 * records is the MPD's publish time.
 */
package io.tributary.transcode.manifest.live;
