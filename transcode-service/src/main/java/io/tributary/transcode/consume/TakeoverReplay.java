package io.tributary.transcode.consume;

import io.tributary.media.gop.GopMetadata;

/**
 * The records a worker that took a channel over replays past the channel's state object, up to the last one the
 * stored playlists list ({@link PublishedThrough}): the previous owner listed them already, so they advance the state
 * in memory only. Storing their manifests again would set the playlists back; their segments are stored already.
 *
 * <p>Records come in the order the previous owner listed them, so every record admitted before the published-through
 * one is listed, whatever its session, and the first one past it is new. The previous owner saved its state at least
 * every {@code save-every} records (its own, stored in the state object: {@link ChannelState#saveEvery}), so no more
 * than that many can be listed past the state: after as many, the replay
 * ends even if the published-through record has not come again, so that a record that never comes cannot keep the
 * channel from storing anything.
 *
 * <p>Not used with the ladder on (that worker saves its state after every record). Confined to the channel's lane, as
 * its packager is.
 */
final class TakeoverReplay {
    /** What an admitted record is to the replay. */
    enum Listing {
        /** Past the replay, or no replay at all: stored as usual. */
        NEW,
        /** Listed by the previous owner: in memory only. */
        LISTED,
        /**
         * The published-through record: in memory only, but its events are sent again (its owner may have stopped
         * between its manifests and its events: at most a duplicate, never a loss). The replay ends with it.
         */
        LAST_LISTED,
        /**
         * Listed by the previous owner, and the last record the replay may cover: the published-through one did not
         * come again within {@code save-every} records. From the next record on, everything is stored.
         */
        LISTED_GIVING_UP;

        /** Listed by the previous owner already: its segments and manifests are not stored again. */
        boolean listed() {
            return this != NEW;
        }
    }

    private final PublishedThrough through;
    private final int maxListed;
    /** Listed records still allowed before the published-through one. */
    private int coverLeft;
    private boolean over;

    /**
     * @param through the last record the stored playlists list, when they are ahead of the state object; null: no
     *     replay (every record is {@link Listing#NEW})
     * @param maxListed records that may be listed past the state: the previous owner's {@code save-every}
     */
    TakeoverReplay(PublishedThrough through, int maxListed) {
        this.through = through;
        this.maxListed = maxListed;
        this.coverLeft = maxListed;
        this.over = through == null;
    }

    /** The last record the stored playlists listed when the channel was taken over; null if none. */
    PublishedThrough through() {
        return through;
    }

    /** Records that may be listed past the state: the previous owner's {@code save-every}. */
    int maxListed() {
        return maxListed;
    }

    /** No record can be listed by the previous owner any more (or there was no replay): the playlists are ours. */
    boolean over() {
        return over;
    }

    /**
     * The {@code save-every} a state saved now stores, for a successor's replay ({@link ChannelState#maxListedPast}):
     * while this replay runs, the stored playlists may still list up to {@link #maxListed} records past that state, not
     * only {@code ours}; once it is over, the playlists are ours.
     */
    int cadenceToStore(int ours) {
        return over ? ours : Math.max(ours, maxListed);
    }

    /**
     * What the next admitted record is to the replay, without moving it: a step that fails after asking (its state
     * save, its events) is run again from the top, and must find the replay where it was.
     */
    Listing listing(GopMetadata gop) {
        if (over || !through.covers(gop)) {
            return Listing.NEW;
        }
        if (through.isLast(gop)) {
            return Listing.LAST_LISTED;
        }
        return coverLeft <= 1 ? Listing.LISTED_GIVING_UP : Listing.LISTED;
    }

    /**
     * Moves the replay past the record {@link #listing} was asked about, once that record's step has done its work:
     * once per admitted record, in record order (a listed one counts against {@code maxListed}; any other ends the
     * replay).
     */
    void advance(Listing listing) {
        if (listing == Listing.LISTED) {
            coverLeft--;
        } else {
            over = true;
        }
    }
}
