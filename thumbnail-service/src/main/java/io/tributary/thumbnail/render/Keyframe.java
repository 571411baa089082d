package io.tributary.thumbnail.render;

/**
 * One keyframe ready for a decoder: an FLV stream of the video sequence header and the keyframe alone.
 *
 * @param flv       FLV header (video only), the video sequence header, the keyframe tag
 * @param ptsMillis presentation time of the keyframe in the session's media time
 */
public record Keyframe(byte[] flv, long ptsMillis) {
}
