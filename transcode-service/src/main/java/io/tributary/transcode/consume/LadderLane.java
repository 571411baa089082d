package io.tributary.transcode.consume;

import io.tributary.transcode.ladder.LadderPackager;
import java.util.concurrent.Executor;

/**
 * The ABR ladder as the worker uses it: the encoder the packagers hand each GOP to, and the threads on which the
 * rungs that come back are stored and listed (each channel's in GOP order, one at a time with the channel's source
 * records, never on the encoder's own thread, which goes on with the next GOP meanwhile).
 */
record LadderLane(LadderPackager ladder, Executor storing) {
}
