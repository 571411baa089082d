package io.tributary.transcode.store;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Deletes segments that have left every manifest, once a grace period has passed: a player that read the playlist
 * just before the segment left it can still fetch it (RFC 8216 §6.2.2 asks a server to keep a removed segment
 * available for a period of time at least the playlist's duration).
 *
 * <p>Why deleting is safe: a segment is handed here only after the manifests that no longer name it are stored, and
 * a segment key ({@code {session}-{seq}}) never comes back into a manifest, since a record already packaged is
 * skipped, never appended again. The pending deletions are also saved in each channel's state object, so a worker
 * that takes the channel over deletes what its predecessor could not.
 *
 * <p>The one owner of the pending deletions: packagers add to them from the consumer's threads, its own timer thread
 * deletes; both under this object's lock, the deletions themselves outside it.
 */
public final class SegmentRetention implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SegmentRetention.class);

    /** Deletes objects, in as few requests as it can. */
    @FunctionalInterface
    public interface Deleter {
        /**
         * @return the keys it could not delete, with why (missing objects count as deleted)
         * @throws RuntimeException when storage failed as a whole: nothing is known deleted
         */
        Map<String, String> deleteAll(List<String> keys);
    }

    private final Deleter deleter;
    private final Clock clock;
    private final Runnable onDeleted;
    private final ScheduledExecutorService timer;
    /** channel -> key -> due time (epoch ms); guarded by this. */
    private final Map<String, Map<String, Long>> pending = new HashMap<>();

    /**
     * @param deleter deletes the due objects of a run at once (one multi-object request per 1000 keys rather than a
     *                request per segment); what it could not delete is tried again at the next run
     * @param onDeleted called after each deletion (a metric)
     */
    public SegmentRetention(Deleter deleter, Clock clock, Runnable onDeleted) {
        this.deleter = deleter;
        this.clock = clock;
        this.onDeleted = onDeleted;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "transcode-retention");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@link #deleteDue()} every {@code interval}. */
    public SegmentRetention start(Duration interval) {
        timer.scheduleWithFixedDelay(this::deleteDueQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /** Schedules the keys' deletion at {@code dueAtEpochMillis}; a key already pending keeps its earlier time. */
    public synchronized void retire(String channel, Collection<String> keys, long dueAtEpochMillis) {
        Map<String, Long> channelPending = pending.computeIfAbsent(channel, c -> new HashMap<>());
        for (String key : keys) {
            channelPending.merge(key, dueAtEpochMillis, Math::min);
        }
    }

    /** Takes over deletions a previous owner of the channel saved in its state. */
    public synchronized void restore(String channel, Collection<RetiringObject> objects) {
        Map<String, Long> channelPending = pending.computeIfAbsent(channel, c -> new HashMap<>());
        for (RetiringObject o : objects) {
            channelPending.merge(o.key(), o.dueAtEpochMillis(), Math::min);
        }
    }

    /** The channel's pending deletions, by key: what its state object saves. */
    public synchronized List<RetiringObject> pending(String channel) {
        List<RetiringObject> list = new ArrayList<>();
        pending.getOrDefault(channel, Map.of()).forEach((key, due) -> list.add(new RetiringObject(key, due)));
        list.sort(Comparator.comparing(RetiringObject::key));
        return list;
    }

    /** Deletes every object that is due; returns how many were deleted. Failures stay pending for the next run. */
    public int deleteDue() {
        long now = clock.millis();
        List<Due> due = new ArrayList<>();
        synchronized (this) {
            pending.forEach((channel, keys) -> keys.forEach((key, at) -> {
                if (at <= now) {
                    due.add(new Due(channel, key));
                }
            }));
        }
        if (due.isEmpty()) {
            return 0;
        }
        Map<String, String> failed;
        try {
            failed = deleter.deleteAll(due.stream().map(Due::key).toList());
        } catch (RuntimeException e) {
            LOG.warnf("cannot delete %d segments yet (%s); will try again", due.size(), e.getMessage());
            return 0;
        }
        if (!failed.isEmpty()) {
            // one line a run, not one per key: a store refusing every key would otherwise log thousands a second
            Map.Entry<String, String> first = failed.entrySet().iterator().next();
            LOG.warnf("cannot delete %d of %d segments yet (%s: %s); will try again", failed.size(), due.size(),
                    first.getKey(), first.getValue());
        }
        int deleted = 0;
        for (Due d : due) {
            if (failed.containsKey(d.key())) {
                continue;
            }
            synchronized (this) {
                Map<String, Long> keys = pending.get(d.channel());
                if (keys != null) {
                    keys.remove(d.key());
                    if (keys.isEmpty()) {
                        pending.remove(d.channel());
                    }
                }
            }
            onDeleted.run();
            deleted++;
        }
        return deleted;
    }

    private record Due(String channel, String key) {
    }

    private void deleteDueQuietly() {
        try {
            deleteDue();
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: log and keep going
            LOG.errorf(e, "segment retention run failed");
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
