package io.tributary.media.event;

/**
 * The audio of a stream as {@code stream-started} announces it.
 *
 * @param codec RFC 6381 codecs parameter ({@code mp4a.40.2}, {@code opus})
 */
public record AudioInfo(String codec, int sampleRate, int channels) {
}
