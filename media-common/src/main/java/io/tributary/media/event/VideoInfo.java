package io.tributary.media.event;

/**
 * The video of a stream as {@code stream-started} announces it.
 *
 * @param codec     RFC 6381 codecs parameter ({@code avc1.64001f}, {@code hvc1.1.6.L93.B0}, {@code av01.0.04M.08})
 * @param frameRate frames per second, 0 when unknown
 */
public record VideoInfo(String codec, int width, int height, double frameRate) {
}
