package io.tributary.transcode.consume;

import java.time.Duration;

/**
 * How often a channel's state object is saved ({@code tributary.transcode.state.*}; after every record with the ladder
 * on, {@link #EVERY_RECORD}, chosen where the worker is built): not after
 * every record, because a PUT per GOP and channel is a request charge on AWS S3 and work for any object store, and a
 * state a few records behind costs a successor only a replay that stores nothing ({@link PublishedThrough}). (On the
 * local stack's S3 server it made no measurable CPU difference: its cost is the large segments, bench/load
 * session 5.) A record's offset
 * is committed only once a state covering it is stored, so the cadence also bounds how far commits lag. Two more
 * saves lie outside the cadence: when the oldest unsaved record has waited {@link #maxUnsavedAge} ({@link
 * UnsavedRecords}), and when the consumer loop says a partition is full ({@link GopRecordHandler#onPartitionFull}).
 *
 * @param saveEvery records of a channel handled and not yet covered by a saved state before it is saved; 1 saves
 *     after every record
 * @param maxUnsavedAge how long the oldest of them may wait (a publisher that stalls without its last record): a
 *     channel's unsaved records hold back the commits of its whole partition
 */
public record StateSaving(int saveEvery, Duration maxUnsavedAge) {
    /**
     * Five records, 10 s of 2 s GOPs. The age bound is above the four GOP durations the oldest of five records waits
     * in a steady stream (8 s at 2 s, with room for up to 3.5 s GOPs): below that, the timer and not the count would
     * decide every save.
     */
    public static final StateSaving DEFAULT = new StateSaving(5, Duration.ofSeconds(15));
    /** After every record, as before the cadence existed; the ladder's (its rung progress counts on it). */
    public static final StateSaving EVERY_RECORD = new StateSaving(1, DEFAULT.maxUnsavedAge());
    /**
     * The most records between saves, in configuration and in a stored state object: a successor replays up to that
     * many in memory ({@link ChannelState#maxListedPast}), and a corrupt state saying two billion would unbound it.
     * 1000 is over half an hour of 2 s GOPs, past any useful cadence.
     */
    public static final int MAX_SAVE_EVERY = 1000;

    public StateSaving {
        if (saveEvery < 1 || saveEvery > MAX_SAVE_EVERY) {
            throw new IllegalArgumentException("the state is saved every 1 to " + MAX_SAVE_EVERY + " records: "
                    + saveEvery);
        }
        if (maxUnsavedAge.isNegative() || maxUnsavedAge.isZero()) {
            throw new IllegalArgumentException("the unsaved age bound must be positive: " + maxUnsavedAge);
        }
    }

    /** Every record's state is saved as it is handled: no record ever waits for a save (none to hasten). */
    boolean everyRecord() {
        return saveEvery == 1;
    }

    /**
     * Whether the record just handled is saved now, with those before it not saved yet.
     *
     * @param unsaved records not covered by a saved state, this one included
     * @param ends the record is its session's last: nothing follows it to carry the save
     */
    boolean saveNow(int unsaved, boolean ends) {
        return unsaved >= saveEvery || ends;
    }
}
