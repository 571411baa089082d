package io.tributary.transcode.consume;

/**
 * A channel's work stopped before it was done: its partition left this worker, or the worker is stopping. The record
 * is not acknowledged; whoever owns the partition next handles it again.
 */
final class ChannelClosedException extends RuntimeException {

    ChannelClosedException(String channel) {
        super("channel " + channel + " closed on this worker", null, false, false);
    }
}
