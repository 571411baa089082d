package io.tributary.transcode.consume;

import io.tributary.media.gop.GopContent;
import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopMetadata;
import io.tributary.transcode.ladder.LadderGop;
import io.tributary.transcode.ladder.LadderJob;
import io.tributary.transcode.ladder.LadderPackager;
import io.tributary.transcode.ladder.RungSegment;
import io.tributary.transcode.manifest.live.LivePresentation;
import io.tributary.transcode.manifest.live.RenditionState;
import io.tributary.transcode.manifest.live.SegmentNames;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * One channel's side of the ABR ladder: each record the packager handled goes to the ladder, and the rungs that come
 * back are stored and listed in record order, as steps of the channel's {@link ChannelLane} (so between two source
 * records, never during one).
 *
 * <p>Each record's stage completes only once its rungs are stored and listed, or dropped: the consumer loop commits
 * the record's offset then, so a worker killed with rungs in the encoder's queue leaves those records uncommitted,
 * and its successor sends them to the ladder again ({@link #behind}) while the source skips them as replays. A failed
 * step (storage or Kafka away) is retried by the lane with a back-off until it succeeds or the channel leaves this
 * worker; then the stage fails.
 *
 * <p>A rung is listed only where the source lists the same GOP ({@link LivePresentation#addAligned}): its media
 * sequence numbers, durations, program date-times and discontinuities are the source's, and its appearing is not a
 * boundary. A rung the ladder drops leaves the multivariant playlist and the MPD at once; its media playlist stays as
 * it was (it is not updated again, and retention deletes its segments after the grace period).
 */
final class RungPackaging {
    private static final Logger LOG = Logger.getLogger(RungPackaging.class);

    private final String channel;
    private final LadderPackager ladder;
    private final ChannelLane lane;
    private final ChannelPackager packager;
    private final int windowSize;
    /** Completes when the rungs of every record submitted so far are done; written by the lane's steps. */
    private volatile CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    RungPackaging(String channel, LadderPackager ladder, ChannelLane lane, ChannelPackager packager, int windowSize) {
        this.channel = channel;
        this.ladder = ladder;
        this.lane = lane;
        this.packager = packager;
        this.windowSize = windowSize;
    }

    /**
     * Whether the record is one the source already handled but whose rungs the state does not show as done: the
     * previous owner of the channel was stopped before it stored them.
     */
    boolean behind(ChannelState state, GopMetadata gop) {
        String session = gop.sessionId();
        return session.equals(state.sessionId()) && gop.sequence() <= state.lastSequence()
                && gop.sequence() > state.rungs().sequenceIn(session) && !state.rungs().allDroppedIn(session);
    }

    /**
     * Hands the record to the ladder; returns at once. The stage completes when its rungs are stored and listed (or
     * dropped), after those of every record submitted before it; exceptionally if the channel's lane closes first
     * (or anything else stops them: it never stays pending while the channel lives).
     */
    CompletionStage<Void> submit(GopMetadata gop, GopContent content) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            CompletionStage<LadderGop> encoded = ladder.submit(LadderJob.of(channel, gop, content));
            String what = "rungs of session " + gop.sessionId() + " seq " + gop.sequence();
            // after the rungs of the record before, and failing with them: the partition fetches both again. Once a
            // failure is known (the records now coming are the replays that fetch brought), start afresh, or one
            // failed stage would fail every later one of the channel for good
            CompletableFuture<Void> before = tail.isCompletedExceptionally() ? CompletableFuture.completedFuture(null)
                    : tail;
            before.thenCombine(encoded, (previous, rungs) -> rungs).whenComplete((rungs, error) -> {
                if (error != null) {
                    done.completeExceptionally(error);
                    return;
                }
                lane.submit(what, () -> {
                    store(gop, rungs);
                    return null;
                }).whenComplete((ignored, failure) -> {
                    if (failure == null) {
                        done.complete(null);
                    } else {
                        done.completeExceptionally(failure);
                    }
                });
            });
        } catch (RuntimeException | Error e) {
            done.completeExceptionally(e);
        }
        tail = done;
        return done;
    }

    /** No rungs are waiting to be stored. */
    boolean idle() {
        return tail.isDone();
    }

    /**
     * The presentation with the record's rungs listed, the dropped ones removed (and any listed rung the ladder made
     * nothing for at a GOP the source lists), and ended when the session's last record's rungs are in. Drops and the end concern the state's current session only: rungs of an older session
     * can only still join what the source lists of it.
     */
    LivePresentation presentation(LivePresentation before, ChannelState state, GopMetadata gop,
                                  List<RenditionOutput> outputs, RungProgress progress) {
        LivePresentation after = before.addAligned(Renditions.SOURCE,
                outputs.stream().map(RenditionOutput::entry).toList(), windowSize);
        if (!gop.sessionId().equals(state.sessionId())) {
            return after;
        }
        String uri = SegmentNames.media(gop.sessionId(), gop.sequence());
        boolean sourceLists = after.rendition(Renditions.SOURCE).map(r -> r.playlist().lists(uri)).orElse(false);
        for (RenditionState r : after.renditions()) {
            if (!isRung(r.name()) || !r.listed()) {
                continue;
            }
            if (!progress.listable(gop.sessionId(), r.name())) {
                removed(gop, r.name(), "dropped by the ladder");
                after = after.without(r.name());
            } else if (sourceLists && !r.playlist().lists(uri)) {
                // the ladder made nothing for it at this GOP (the source's size changed and the plan with it): a
                // rung with a hole cannot go on, and listing it would stall its viewers
                removed(gop, r.name(), "no longer in the ladder for this source");
                after = after.without(r.name());
            }
        }
        if (gop.has(GopFlag.LAST) && !after.ended() && after.availabilityStartTime() != null) {
            after = after.end();
        }
        return after;
    }

    private void removed(GopMetadata gop, String rendition, String why) {
        LOG.infof("channel %s session %s seq %d: rendition %s removed from the multivariant playlist and the MPD (%s)",
                channel, gop.sessionId(), gop.sequence(), rendition, why);
    }

    private static boolean isRung(String rendition) {
        return !Renditions.SOURCE.equals(rendition) && !Renditions.AUDIO.equals(rendition);
    }

    private void store(GopMetadata gop, LadderGop rungs) throws InterruptedException {
        ChannelState state = packager.state();
        String session = gop.sessionId();
        RungProgress progress = progress(state.rungs(), state.sessionId(), gop, rungs);
        List<RenditionOutput> outputs = rungs.segments().stream()
                .filter(s -> progress.listable(session, s.rendition()))
                .map(s -> output(session, gop.sequence(), s)).toList();
        packager.applyRungs(gop, outputs, progress);
    }

    private RenditionOutput output(String session, long sequence, RungSegment s) {
        return GopRenditions.of(channel, session, sequence, s.rendition(), s.track());
    }

    /** The rung progress after this record: only the state's current session is tracked. */
    private static RungProgress progress(RungProgress was, String currentSession, GopMetadata gop, LadderGop rungs) {
        String session = gop.sessionId();
        if (!session.equals(currentSession)) {
            return was;
        }
        RungProgress prior = session.equals(was.sessionId()) ? was : new RungProgress(session, -1, List.of(), false);
        Set<String> dropped = new LinkedHashSet<>(prior.dropped());
        dropped.addAll(rungs.dropped());
        return new RungProgress(session, Math.max(prior.sequence(), gop.sequence()), List.copyOf(dropped),
                prior.allDropped() || rungs.allDropped());
    }
}
