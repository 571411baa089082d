package io.tributary.media.gop;

/**
 * A GOP the {@link GopAssembler} has closed: its content and the span of media time it covers.
 *
 * @param startMillis    media time of its first tag
 * @param durationMillis up to the start of the next GOP (for the last one of a stream: up to its last tag plus
 *                       one typical frame interval)
 * @param continuation   true when it does not start at a keyframe because the previous GOP ran over the longest
 *                       GOP allowed: consumers treat it as the continuation of the previous one
 */
public record ClosedGop(GopContent content, long startMillis, long durationMillis, boolean continuation) {
}
