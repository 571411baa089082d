package io.tributary.transcode.consume;

import io.tributary.media.event.SegmentPublished;
import io.tributary.media.gop.GopContent;
import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopMetadata;
import io.tributary.storage.StoredObject;
import io.tributary.transcode.manifest.live.Boundary;
import io.tributary.transcode.manifest.live.GopSegments;
import io.tributary.transcode.manifest.live.LivePresentation;
import io.tributary.transcode.manifest.live.RenditionSegment;
import io.tributary.transcode.manifest.live.RenditionState;
import io.tributary.transcode.metrics.TranscodeMetrics;
import io.tributary.transcode.store.OutputKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Packages one channel, record after record, in the order that makes every step durable before the next one
 * depends on it:
 * <ol>
 *   <li>the presentation is advanced and the manifests rendered, in memory (pure code: a record it refuses is
 *       skipped, never retried into a stalled partition);</li>
 *   <li>the GOP's media segments (and any new init segment) are stored — for a channel's first record, those not
 *       started already while its state loaded ({@link EarlySegments}): none, usually — with, on a channel's first
 *       listing, its media playlists' placeholders, which nothing names yet;</li>
 *   <li>then the manifests that name them, in one round ({@link ManifestWriter}; when a rendition joins listed
 *       ones, the multivariant playlist after the media playlists): no player ever reads a name it cannot
 *       fetch;</li>
 *   <li>then {@code segment-published} for each segment, with the latency from the GOP's close at ingest;</li>
 *   <li>then the segments that left the windows are handed to retention, and the channel's state is saved — with
 *       the ladder off, every few records only ({@link StateSaving}): the state in memory advances per record, and a
 *       record counts as handled (its stage completes) once a saved state covers it;</li>
 * </ol>
 * and only then does the record count as handled.
 *
 * <p>A worker that took the channel over may find the state object a few records behind the stored playlists
 * ({@link TakeoverReplay}): it replays those records in memory only, storing neither their segments (listed
 * already) nor their manifests (older than the stored ones), and sends the events of the last one listed (its owner may
 * have stopped before sending them: at most a duplicate, never a loss). The replay is part of the state in memory: it
 * moves past a record only once the record's step has stored what it stores, its state included.
 *
 * <p>With the ABR ladder on, the record then goes to the ladder ({@link RungPackaging}); {@link #accept} returns a
 * stage that completes once its rungs are stored and listed (or dropped), and only then may the loop commit the
 * record's offset. The source never waits for its rungs.
 *
 * <p>Every step of the channel, a record's source and a record's rungs alike, runs on the channel's own
 * {@link ChannelLane}, one at a time: the packager's state ({@link ChannelStateSaver}) is confined to it. The state in
 * memory changes only once a step's objects are stored (and its state, when the step saves it), so a failure at any
 * step leaves it as it was, and the lane does the step again from the same state (identical objects, identical
 * manifests). A save step of its own (the age bound, a full partition, the worker closing) stores the state in
 * memory, retried like any step.
 */
final class ChannelPackager {
    private static final Logger LOG = Logger.getLogger(ChannelPackager.class);
    private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

    private final String channel;
    private final PackagerOutputs out;
    private final ManifestWriter manifests;
    private final RungPackaging rungs;
    private final ChannelStateSaver saver;
    private final ChannelLane lane;
    /** Records listed by the previous owner past its last state save, when this worker took the channel over. */
    private final TakeoverReplay replay;

    private ChannelPackager(String channel, PackagerOutputs out, ChannelState state, TakeoverReplay replay,
                            ChannelLane lane) {
        this.channel = channel;
        this.out = out;
        this.manifests = new ManifestWriter(channel, out.objects(), out.windowSize());
        this.saver = new ChannelStateSaver(channel, out, lane, state, replay);
        this.replay = replay;
        this.lane = lane;
        this.rungs = out.ladder() == null ? null : new RungPackaging(channel, out.ladder(), lane, this,
                out.windowSize());
    }

    /**
     * The packager of a channel this worker has just been given, from the state loaded from storage
     * ({@link ChannelStateLoader}; a fresh one for a new channel).
     *
     * @param lane the channel's lane, on which this packager's steps run (the rungs' too)
     */
    static ChannelPackager of(String channel, PackagerOutputs out, ChannelLane lane, ChannelStateLoader.Loaded loaded) {
        ChannelState state = loaded.state();
        out.retention().restore(channel, state.retiring());
        // with the ladder on, a predecessor saved after every record (see the service doc's known limit)
        PublishedThrough ahead = loaded.published() == null || out.ladder() != null ? null
                : loaded.published().aheadOf(state).orElse(null);
        // the previous owner's cadence bounds how far its playlists may be ahead of its state, not this worker's
        return new ChannelPackager(channel, out, state,
                new TakeoverReplay(ahead, state.maxListedPast(out.saving().saveEvery())), lane);
    }

    ChannelState state() {
        return saver.state();
    }

    /** No rung work is pending: the packager may be dropped from memory once its session ended. */
    boolean idle() {
        return rungs == null || rungs.idle();
    }

    /**
     * Everything this packager knows is in its state: no takeover replay is waiting for records the previous owner
     * listed past the state object (the stored playlists may be ahead of the state until it is over). Read once the
     * lane is idle.
     */
    boolean stateIsWhole() {
        return replay.over();
    }

    /**
     * Between storage rounds: once the channel's lane is closed (the channel left this worker), the step in progress
     * writes nothing more, whatever it was doing; rungs still to come are neither stored nor acknowledged.
     */
    private void checkOpen() {
        lane.checkOpen();
    }

    /**
     * Handles one record of the channel; returns when the source's output is durable, with a stage that completes
     * when the whole record's is: with the ladder on, once its rungs are stored or dropped; with it off, once a saved
     * state covers the record.
     */
    CompletionStage<Void> accept(GopMetadata gop, byte[] value) throws InterruptedException {
        return accept(new GopReading(channel, gop, value, out.metrics()), EarlySegments.NONE);
    }

    /**
     * {@link #accept(GopMetadata, byte[])} of a record that may have been read already, and whose segments may have
     * been stored already (a channel's first record, while its state loaded: {@link EarlySegments}).
     */
    CompletionStage<Void> accept(GopReading record, EarlySegments early) throws InterruptedException {
        GopMetadata gop = record.gop();
        ChannelState state = saver.state();
        long started = System.nanoTime();
        out.metrics().pickedUp(gop.closedAtEpochMillis(), out.clock().millis());
        Admission admission = SessionRules.admit(state, gop);
        if (!admission.packaged()) {
            LOG.debugf("channel %s session %s seq %d: skipped, %s", channel, gop.sessionId(), gop.sequence(),
                    admission.detail());
            out.metrics().skipped(admission.skipReason());
            retireUnlisted(early);
            if (rungs != null && rungs.behind(state, gop)) {
                // a record the previous owner packaged but whose rungs it never stored: the ladder catches up
                GopContent content = record.content();
                if (content == null) {
                    return DONE;
                }
                checkOpen(); // a channel that left this worker must not start an encoder here again
                return rungs.submit(gop, content);
            }
            return saver.afterSkipped();
        }
        if (admission.boundary() != Boundary.NONE) {
            LOG.infof("channel %s session %s seq %d: %s (%s)", channel, gop.sessionId(), gop.sequence(),
                    admission.boundary(), admission.detail());
        }
        GopContent content = record.content();
        List<RenditionOutput> outputs = record.outputs();
        if (outputs == null && !gop.has(GopFlag.LAST)) {
            return saver.afterSkipped(); // unreadable: the next record sees the gap and marks a discontinuity
        }
        outputs = outputs == null ? List.of() : outputs;
        // with rungs to come, the presentation ends only when the last record's rungs are listed
        boolean rungsFollow = rungs != null && content != null;

        LivePresentation before = state.presentation();
        Boundary boundary = Boundary.strongest(Boundary.strongest(state.pendingBoundary(), admission.boundary()),
                formatBoundary(before, outputs));
        // a record without media (an end record without tags) leaves its boundary to the next one with media
        Boundary pending = outputs.isEmpty() ? boundary : Boundary.NONE;
        LivePresentation after;
        ManifestWriter.Update update;
        try {
            after = next(before, gop, boundary, outputs, gop.has(GopFlag.LAST) && !rungsFollow);
            update = after.equals(before) ? null : manifests.render(before, after, out.clock().instant());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // pure code refusing this record would refuse it on every retry and stall the whole partition: skip it,
            // and the next record starts after a discontinuity
            LOG.errorf(e, "channel %s session %s seq %d: skipped, cannot be added to the presentation", channel,
                    gop.sessionId(), gop.sequence());
            out.metrics().skipped(TranscodeMetrics.BAD_RECORD);
            retireUnlisted(early);
            return saver.afterSkipped();
        }
        // listed by the previous owner already (its state object behind its playlists): in memory only; the replay
        // moves past the record only once its step has done its work (a failed step is retried from the top)
        TakeoverReplay.Listing listing = replay.listing(gop);
        boolean listed = listing.listed();
        if (listed) {
            LOG.debugf("channel %s session %s seq %d: listed already, not stored again", channel, gop.sessionId(),
                    gop.sequence());
        }
        if (listing == TakeoverReplay.Listing.LAST_LISTED && !outputs.isEmpty()) {
            out.events().publish(events(gop, outputs, out.clock().millis()));
        }
        if (listing == TakeoverReplay.Listing.LISTED_GIVING_UP) {
            LOG.warnf("channel %s: the last record the stored playlists list (session %s seq %d) did not come "
                    + "again within %d records; storing from the next one", channel, replay.through().sessionId(),
                    replay.through().sequence(), replay.maxListed());
        }
        if (!listed) {
            // those not started while the channel's state loaded, which may still be going up meanwhile
            storeSegments(early.toStore(segmentObjects(before, outputs)), update);
        }
        early.awaitStored(); // a listed record's too: nothing of the step goes on uploading after it
        if (!listed && !outputs.isEmpty()) {
            out.metrics().segmentsStored(outputs.size());
        }
        if (update != null && !listed) {
            checkOpen();
            manifests.store(update, this::checkOpen);
            long stored = out.clock().millis();
            if (!outputs.isEmpty()) {
                out.metrics().manifestsStored(gop.closedAtEpochMillis(), stored);
                out.events().publish(events(gop, outputs, stored));
            }
        }
        retire(before, after);
        ChannelState next = state.after(gop, pending, after, out.retention().pending(channel));
        CompletionStage<Void> saved = saver.afterRecord(next, gop.has(GopFlag.LAST));
        replay.advance(listing);
        out.metrics().recordHandled(Duration.ofNanos(System.nanoTime() - started));
        if (!rungsFollow) {
            return saved;
        }
        // with the ladder on, the state is saved after every record (PackagerOutputs): the record's stage is its rungs'
        checkOpen(); // a channel that left this worker must not start an encoder here again
        return rungs.submit(gop, content);
    }

    /**
     * Saves the state in memory if records are not covered by a saved one yet (a step on the lane: the age bound, the
     * worker closing, a full partition).
     */
    void saveUnsaved() throws InterruptedException {
        saver.saveUnsaved();
    }

    /**
     * Stores and lists the rungs the ladder made of one record, after the source's segment of it (see
     * {@link RungPackaging}); a step on the channel's lane. Fails like {@link #accept} (and is retried) when
     * storage or Kafka is away; pure code refusing the rungs leaves them out instead.
     */
    void applyRungs(GopMetadata gop, List<RenditionOutput> outputs, RungProgress progress) throws InterruptedException {
        ChannelState current = saver.state();
        LivePresentation before = current.presentation();
        LivePresentation after;
        ManifestWriter.Update update;
        try {
            after = rungs.presentation(before, current, gop, outputs, progress);
            update = after.equals(before) ? null : manifests.render(before, after, out.clock().instant());
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.errorf(e, "channel %s session %s seq %d: rungs left out, they cannot be added to the presentation",
                    channel, gop.sessionId(), gop.sequence());
            after = before;
            update = null;
        }
        LivePresentation listed = after;
        List<RenditionOutput> stored = outputs.stream().filter(o -> newlyListed(before, listed, o)).toList();
        storeSegments(segmentObjects(before, stored), update);
        if (!stored.isEmpty()) {
            out.metrics().segmentsStored(stored.size());
        }
        if (update != null) {
            checkOpen();
            manifests.store(update, this::checkOpen);
            if (!stored.isEmpty()) {
                long listedAt = out.clock().millis();
                out.metrics().rungsListed(gop.closedAtEpochMillis(), listedAt);
                out.events().publish(events(gop, stored, listedAt));
            }
        }
        retire(before, after);
        ChannelState next = current.withRungs(after, progress, out.retention().pending(channel));
        if (after.equals(before) && progress.dropped().equals(current.rungs().dropped())
                && progress.allDropped() == current.rungs().allDropped()) {
            // nothing listed or dropped (a channel without rungs): no write per GOP for that; a successor that finds
            // the stored progress behind sends those records to the ladder again, and gets nothing again
            saver.keep(next);
        } else {
            saver.save(next);
        }
    }

    /**
     * The segments' round: {@code segments}, with the placeholders of the media playlists a first listing names
     * ({@link ManifestWriter}: nothing names them until the manifests' round that follows).
     */
    private void storeSegments(List<StoredObject> segments, ManifestWriter.Update update) throws InterruptedException {
        List<StoredObject> round = new ArrayList<>(segments);
        if (update != null) {
            round.addAll(update.placeholders());
        }
        if (!round.isEmpty()) {
            checkOpen();
            out.objects().putAll(round);
        }
    }

    private static boolean newlyListed(LivePresentation before, LivePresentation after, RenditionOutput o) {
        String uri = o.entry().uri();
        return after.rendition(o.rendition()).map(r -> r.playlist().lists(uri)).orElse(false)
                && !before.rendition(o.rendition()).map(r -> r.playlist().lists(uri)).orElse(false);
    }

    /**
     * Segments stored before the state was known, of a record the state then refused: nothing lists them (or the
     * previous owner listed and retired them already), so they are deleted after the grace like any other.
     */
    private void retireUnlisted(EarlySegments early) {
        early.awaitQuietly(); // a deletion must not overtake the upload it deletes
        List<String> keys = early.unlisted(saver.state().presentation());
        if (!keys.isEmpty()) {
            LOG.infof("channel %s: %d segment(s) stored before its state was loaded, of a record not listed; retired",
                    channel, keys.size());
            out.retention().retire(channel, keys, out.clock().millis() + out.retentionGrace().toMillis());
        }
    }

    /** The presentation after the record: its segments added, or just ended for an end record without media. */
    private LivePresentation next(LivePresentation before, GopMetadata gop, Boundary boundary,
                                  List<RenditionOutput> outputs, boolean ends) {
        if (outputs.isEmpty()) {
            return ends && !before.ended() && before.availabilityStartTime() != null ? before.end() : before;
        }
        return before.apply(new GopSegments(gop.sessionId(), gop.sequence(), gop.mediaStartMillis(),
                wallClockStart(gop), boundary, ends, outputs.stream().map(RenditionOutput::entry).toList()),
                out.windowSize());
    }

    /** A rendition whose init segment changed, or that appears beside listed ones, changes the format. */
    private static Boundary formatBoundary(LivePresentation before, List<RenditionOutput> outputs) {
        boolean anyListed = before.renditions().stream().anyMatch(RenditionState::listed);
        for (RenditionOutput o : outputs) {
            RenditionState r = before.rendition(o.rendition()).orElse(null);
            boolean known = r != null && r.listed() && r.facts() != null;
            if ((known && !r.facts().initUri().equals(o.entry().facts().initUri())) || (!known && anyListed)) {
                return Boundary.FORMAT_CHANGE;
            }
        }
        return Boundary.NONE;
    }

    /** The media segments, and the init segments the renditions did not have before. */
    private static List<StoredObject> segmentObjects(LivePresentation before, List<RenditionOutput> outputs) {
        List<StoredObject> objects = new ArrayList<>(outputs.size() * 2);
        for (RenditionOutput o : outputs) {
            boolean sameInit = before.rendition(o.rendition()).map(RenditionState::facts)
                    .map(f -> f.initUri().equals(o.entry().facts().initUri())).orElse(false);
            if (!sameInit) {
                objects.add(o.init());
            }
            objects.add(o.segment());
        }
        return objects;
    }

    /** Segments the manifests named before and no longer do: deleted after the grace period. */
    private void retire(LivePresentation before, LivePresentation after) {
        Map<String, Set<String>> now = after.listedSegments();
        List<String> keys = new ArrayList<>();
        before.listedSegments().forEach((rendition, names) -> names.stream()
                .filter(name -> !now.getOrDefault(rendition, Set.of()).contains(name))
                .forEach(name -> keys.add(OutputKeys.renditionObject(channel, rendition, name))));
        if (!keys.isEmpty()) {
            out.retention().retire(channel, keys, out.clock().millis() + out.retentionGrace().toMillis());
        }
    }

    private List<SegmentPublished> events(GopMetadata gop, List<RenditionOutput> outputs, long storedAtMillis) {
        Instant publishedAt = Instant.ofEpochMilli(storedAtMillis);
        long latency = Math.max(0, storedAtMillis - gop.closedAtEpochMillis());
        List<SegmentPublished> events = new ArrayList<>(outputs.size());
        for (RenditionOutput o : outputs) {
            RenditionSegment s = o.entry();
            long timescale = s.facts().timescale();
            events.add(SegmentPublished.of(gop.sessionId(), channel, s.rendition(), s.sequence(), o.segment().key(),
                    s.bytes(), s.baseMediaDecodeTime() * 1000 / timescale, s.duration() * 1000 / timescale,
                    publishedAt, latency));
        }
        return events;
    }

    /** When the GOP began at ingest: its close minus its duration (the records' own clock, the same on replay). */
    private static Instant wallClockStart(GopMetadata gop) {
        return Instant.ofEpochMilli(Math.max(0, gop.closedAtEpochMillis() - gop.mediaDurationMillis()));
    }
}
