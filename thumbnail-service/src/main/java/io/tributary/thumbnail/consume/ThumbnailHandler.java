package io.tributary.thumbnail.consume;

import io.tributary.kafka.GopRecords;
import io.tributary.kafka.consume.RecordHandler;
import io.tributary.media.event.ThumbnailPublished;
import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopHeaders;
import io.tributary.media.gop.GopMetadata;
import io.tributary.media.gop.GopRecordException;
import io.tributary.thumbnail.metrics.ThumbnailMetrics;
import io.tributary.thumbnail.publish.EventPublisher;
import io.tributary.thumbnail.render.JpegRenderer;
import io.tributary.thumbnail.render.Keyframe;
import io.tributary.thumbnail.render.KeyframeCut;
import io.tributary.thumbnail.render.Rendering;
import io.tributary.thumbnail.schedule.ChannelProgress;
import io.tributary.thumbnail.schedule.SessionProgress;
import io.tributary.thumbnail.store.ThumbnailKeys;
import io.tributary.thumbnail.store.ThumbnailStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Handles each GOP record of {@code stream-gops}: decides from its headers whether its minute still needs a picture,
 * and if so decodes its keyframe, writes the pictures, announces them and saves the session's progress, in that
 * order, before returning (the loop commits the offset after that).
 *
 * <p>Most records cost nothing but a look at their headers: once a minute has its picture, the rest of its GOPs are
 * skipped unread. A keyframe that gives no picture is logged and counted, and the next GOP of the same minute tries
 * again; so does a keyframe that a process died decoding (the mark saved before each decode is still set), rather
 * than crash this process too. A record that is not a GOP record is logged, counted and skipped: retrying cannot fix
 * it. Failures of S3 or Kafka throw, and the loop hands the same record again after a back-off.
 */
public final class ThumbnailHandler implements RecordHandler {
    private static final Logger LOG = Logger.getLogger(ThumbnailHandler.class);

    private final ThumbnailStore store;
    private final JpegRenderer renderer;
    private final EventPublisher events;
    private final ThumbnailMetrics metrics;
    private final Duration interval;
    private final Clock clock;
    /** Written by the poll thread on (re)assignment, read by the worker running the partition's lane. */
    private final Map<TopicPartition, ChannelProgress> partitions = new ConcurrentHashMap<>();

    public ThumbnailHandler(ThumbnailStore store, JpegRenderer renderer, EventPublisher events, ThumbnailMetrics metrics,
                            Duration interval, Clock clock) {
        this.store = store;
        this.renderer = renderer;
        this.events = events;
        this.metrics = metrics;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public void onAssigned(TopicPartition partition) {
        // progress is rebuilt lazily, one read per session on its first record here (see ChannelProgress)
        partitions.put(partition, new ChannelProgress(store, interval));
    }

    @Override
    public void onRevoked(TopicPartition partition) {
        partitions.remove(partition);
    }

    @Override
    public void handle(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        GopMetadata gop;
        try {
            gop = GopHeaders.decode(GopRecords.lastHeader(record.headers()));
        } catch (GopRecordException e) {
            skipBadRecord(record, e.getMessage());
            return;
        }
        String channel = record.key();
        if (record.value() == null) {
            skipBadRecord(record, "no value");
            return;
        }
        if (!ThumbnailKeys.isValid(channel, gop.sessionId())) {
            skipBadRecord(record, "channel or session id not usable in an object key");
            return;
        }
        ChannelProgress sessions = partitions.computeIfAbsent(
                new TopicPartition(record.topic(), record.partition()), tp -> new ChannelProgress(store, interval));
        if (!gop.has(GopFlag.CONTINUED)) {
            // a continuation part does not start with a keyframe: its GOP's first part was the candidate
            SessionProgress progress = sessions.of(channel, gop);
            long minute = progress.minuteOf(gop.mediaStartMillis());
            if (progress.wants(minute)) {
                picture(sessions, channel, progress, gop, minute, record.value());
            }
        }
        if (gop.has(GopFlag.LAST)) {
            sessions.ended(channel, gop.sessionId());
        }
    }

    /**
     * Tries the record's keyframe for {@code minute}, and records the minute in the session's progress when its
     * pictures and event are durable. The decode is bracketed by a saved mark (see {@link SessionProgress}): a keyframe
     * whose decode a dead process never finished is not decoded again.
     */
    private void picture(ChannelProgress sessions, String channel, SessionProgress progress, GopMetadata gop,
                         long minute, byte[] value) throws InterruptedException {
        Optional<Keyframe> keyframe;
        try {
            keyframe = KeyframeCut.first(value);
        } catch (GopRecordException e) {
            LOG.warnf("channel %s session %s seq %d: skipped, bad GOP record: %s", channel, gop.sessionId(),
                    gop.sequence(), e.getMessage());
            metrics.failure(ThumbnailMetrics.BAD_RECORD);
            return;
        }
        if (keyframe.isEmpty()) {
            return; // no video here (an audio-only stream, an end-of-session record without tags)
        }
        if (!progress.decodes(gop.sequence())) {
            skipCrashed(channel, progress, gop, minute);
            return;
        }
        SessionProgress attempting = sessions.attempting(channel, progress, gop.sequence());
        long started = System.nanoTime();
        Rendering rendering;
        try {
            rendering = renderer.render(keyframe.get());
            metrics.decodeTime(Duration.ofNanos(System.nanoTime() - started));
        } finally {
            progress = sessions.attemptFinished(channel, attempting); // whatever the outcome, even a throw
        }
        if (rendering instanceof Rendering.Rejected rejected) {
            LOG.warnf("channel %s session %s seq %d: no picture for minute %d (%s: %s); trying the next keyframe",
                    channel, gop.sessionId(), gop.sequence(), minute, rejected.reason().label(), rejected.detail());
            metrics.failure(rejected.reason().label());
            return;
        }
        Rendering.Rendered rendered = (Rendering.Rendered) rendering;
        ThumbnailKeys keys = ThumbnailKeys.of(channel, gop.sessionId(), minute);
        store.putMinute(keys, rendered);
        store.putLatest(keys, rendered);
        metrics.latestWritten(gop.closedAtEpochMillis(), clock.millis());
        events.publish(ThumbnailPublished.of(gop.sessionId(), channel, minute, keys.minute(), keys.latest(),
                rendered.picture().width(), rendered.picture().height(), rendered.picture().jpeg().length,
                keyframe.get().ptsMillis(), clock.instant()));
        metrics.written();
        LOG.debugf("channel %s session %s seq %d: minute %d pictured at %d ms", channel, gop.sessionId(),
                gop.sequence(), minute, keyframe.get().ptsMillis());
        sessions.pictureDone(channel, progress, minute);
    }

    /** A keyframe a process died decoding (or of a session that crashed the decoder too often): not decoded again. */
    private void skipCrashed(String channel, SessionProgress progress, GopMetadata gop, long minute) {
        if (progress.crashed().contains(gop.sequence())) {
            LOG.warnf("channel %s session %s seq %d: no picture for minute %d (%s: a process died decoding this "
                    + "keyframe); trying the next keyframe", channel, gop.sessionId(), gop.sequence(), minute,
                    ThumbnailMetrics.CRASHED_DECODER);
        } else {
            // said once when the progress was loaded (ChannelProgress); a line per GOP would flood the log
            LOG.debugf("channel %s session %s seq %d: not decoded, the session crashed the decoder %d times",
                    channel, gop.sessionId(), gop.sequence(), progress.crashed().size());
        }
        metrics.failure(ThumbnailMetrics.CRASHED_DECODER);
    }

    private void skipBadRecord(ConsumerRecord<String, byte[]> record, String reason) {
        // the channel may be what is wrong: name the record by its position only
        LOG.warnf("%s-%d offset %d: skipped, not a usable GOP record: %s", record.topic(), record.partition(),
                record.offset(), reason);
        metrics.failure(ThumbnailMetrics.BAD_RECORD);
    }
}
