package io.tributary.transcode.consume;

import io.tributary.media.codec.CodecConfigException;
import io.tributary.media.flv.FlvFormatException;
import io.tributary.media.gop.GopContent;
import io.tributary.media.gop.GopMetadata;
import io.tributary.media.gop.GopRecordException;
import io.tributary.media.gop.GopRecordReader;
import io.tributary.transcode.cmaf.GopPackager;
import io.tributary.transcode.cmaf.TrackSegment;
import io.tributary.transcode.ladder.LadderJob;
import io.tributary.transcode.metrics.TranscodeMetrics;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One record's content and its renditions, read and packaged at most once, when first asked for: a record skipped
 * as a replay is not read, except on its channel's first step, where the record is read while the channel's state
 * loads ({@link PartitionChannels}), before it is known to be one (neither depends on the other). An unreadable record
 * is logged by its channel, session and sequence (never by its content) and counted as a bad record.
 */
final class GopReading {
    private static final Logger LOG = Logger.getLogger(GopReading.class);

    private final String channel;
    private final GopMetadata gop;
    private final byte[] value;
    private final TranscodeMetrics metrics;
    private boolean read;
    private GopContent content;
    private List<RenditionOutput> outputs;

    GopReading(String channel, GopMetadata gop, byte[] value, TranscodeMetrics metrics) {
        this.channel = channel;
        this.gop = gop;
        this.value = value;
        this.metrics = metrics;
    }

    GopMetadata gop() {
        return gop;
    }

    /** The record's content, or null when it cannot be read. */
    GopContent content() {
        readOnce();
        return content;
    }

    /** The record's renditions, or null when it cannot be read or packaged. */
    List<RenditionOutput> outputs() {
        readOnce();
        return outputs;
    }

    /** Reads and packages the record now (pure CPU work). */
    GopReading readNow() {
        readOnce();
        return this;
    }

    private void readOnce() {
        if (read) {
            return;
        }
        read = true;
        try {
            content = GopRecordReader.read(value);
        } catch (GopRecordException | FlvFormatException | IllegalArgumentException e) {
            unusable(e);
            return;
        }
        try {
            List<TrackSegment> tracks = GopPackager.pack(content, gop.sequence(), LadderJob.declaredEnd(gop));
            outputs = GopRenditions.of(channel, gop, tracks);
        } catch (FlvFormatException | CodecConfigException | IllegalArgumentException e) {
            unusable(e);
        }
    }

    private void unusable(Exception e) {
        LOG.warnf("channel %s session %s seq %d: skipped, not a GOP record we can package: %s", channel,
                gop.sessionId(), gop.sequence(), e.getMessage());
        metrics.skipped(TranscodeMetrics.BAD_RECORD);
    }
}
