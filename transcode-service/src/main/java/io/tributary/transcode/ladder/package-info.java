/**
 * The adaptive-bitrate ladder: the lower video renditions made from the source with ffmpeg, aligned segment for
 * segment with the source rendition so that players switch between them at any GOP.
 *
 * <p>The flow reads top down: {@link io.tributary.transcode.ladder.LadderPlanner} picks the
 * {@link io.tributary.transcode.ladder.Rung}s for a source size and channel; {@link
 * io.tributary.transcode.ladder.RungEncoder} encodes one GOP into every rung with one ffmpeg process; {@link
 * io.tributary.transcode.ladder.RungTiming} gives the encoded frames the source's own sample times; {@link
 * io.tributary.transcode.ladder.GopLadder} packages them as CMAF segments; {@link
 * io.tributary.transcode.ladder.ChannelLadder} runs that off the consumer's lanes, one channel at a time, and drops
 * rungs that cannot keep up; {@link io.tributary.transcode.ladder.LadderPackager} is what the worker calls.
 *
 * <p>Audio is never re-encoded: the source's audio rendition serves every rung.
 */
package io.tributary.transcode.ladder;
