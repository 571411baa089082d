package io.tributary.transcode.consume;

import io.tributary.transcode.metrics.TranscodeMetrics;
import io.tributary.transcode.publish.SegmentEvents;
import io.tributary.transcode.store.ChannelObjects;
import io.tributary.transcode.store.SegmentRetention;
import io.tributary.transcode.ladder.LadderPackager;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Where the channel packagers' work goes and the settings it follows; shared by every packager of the worker.
 *
 * @param windowSize segments in each HLS window ({@code tributary.transcode.hls.window-size})
 * @param retentionGrace how long a segment stays after leaving the manifests
 * @param ladder the ABR ladder, or null when it is off: then every channel gets its source rendition only, exactly
 *     as before the ladder existed (no rung work, offsets acknowledged when the source is stored)
 * @param lanes the packaging pool the channels' lanes ({@link ChannelLane}) run their steps on
 * @param saving how often a channel's state is saved: {@link StateSaving#EVERY_RECORD} with the ladder on, whose rung
 *     progress ({@link RungProgress}) counts on a state saved per record
 * @param saveTimer the worker's one timer: it hands a channel whose records waited too long a save step on its lane
 */
record PackagerOutputs(ChannelObjects objects, SegmentRetention retention, SegmentEvents events,
                       TranscodeMetrics metrics, int windowSize, Duration retentionGrace, Clock clock,
                       LadderPackager ladder, Executor lanes, StateSaving saving, ScheduledExecutorService saveTimer) {
    PackagerOutputs {
        if (ladder != null && !saving.everyRecord()) {
            throw new IllegalArgumentException("with the ladder on, the state is saved after every record: " + saving);
        }
    }
}
