package io.tributary.transcode.consume;

import io.tributary.media.codec.CodecConfigException;
import io.tributary.media.event.SegmentPublished;
import io.tributary.media.flv.FlvFormatException;
import io.tributary.media.gop.GopContent;
import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopMetadata;
import io.tributary.media.gop.GopRecordException;
import io.tributary.media.gop.GopRecordReader;
import io.tributary.storage.StoredObject;
import io.tributary.transcode.cmaf.GopPackager;
import io.tributary.transcode.cmaf.TrackSegment;
import io.tributary.transcode.manifest.live.Boundary;
import io.tributary.transcode.manifest.live.GopSegments;
import io.tributary.transcode.manifest.live.LivePresentation;
import io.tributary.transcode.manifest.live.RenditionSegment;
import io.tributary.transcode.manifest.live.RenditionState;
import io.tributary.transcode.metrics.TranscodeMetrics;
import io.tributary.transcode.store.OutputKeys;
import io.tributary.transcode.store.OutputObjects;
import io.tributary.transcode.store.StateJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Packages one channel, record after record, in the order that makes every step durable before the next one
 * depends on it:
 * <ol>
 *   <li>the presentation is advanced and the manifests rendered, in memory (pure code: a record it refuses is
 *       skipped, never retried into a stalled partition);</li>
 *   <li>the GOP's media segments (and any new init segment) are stored;</li>
 *   <li>then the manifests that name them ({@link ManifestWriter}): no player ever reads a name it cannot fetch;</li>
 *   <li>then {@code segment-published} for each segment, with the latency from the GOP's close at ingest;</li>
 *   <li>then the segments that left the windows are handed to retention, and the channel's state is saved;</li>
 * </ol>
 * and only then does the record count as handled (the loop commits its offset).
 *
 * <p>Confined to the consumer lane of the channel's partition: one record at a time, no locking. Its state in memory
 * changes only once the record is fully handled, so a failure at any step leaves it as it was, and the record is
 * handled again from the same state (identical objects, identical manifests).
 */
final class ChannelPackager {
    private static final Logger LOG = Logger.getLogger(ChannelPackager.class);

    private final String channel;
    private final PackagerOutputs out;
    private final ManifestWriter manifests;
    private ChannelState state;

    private ChannelPackager(String channel, PackagerOutputs out, ChannelState state) {
        this.channel = channel;
        this.out = out;
        this.manifests = new ManifestWriter(channel, out.objects(), out.windowSize());
        this.state = state;
    }

    /** The packager of a channel this worker has just been given: its state from storage, or a fresh one. */
    static ChannelPackager load(String channel, PackagerOutputs out) {
        ChannelState state = ChannelStateLoader.load(channel, out.objects(), out.windowSize());
        out.retention().restore(channel, state.retiring());
        return new ChannelPackager(channel, out, state);
    }

    ChannelState state() {
        return state;
    }

    /** Handles one record of the channel; returns when its output is durable. */
    void accept(GopMetadata gop, byte[] value) throws InterruptedException {
        long started = System.nanoTime();
        out.metrics().pickedUp(gop.closedAtEpochMillis(), out.clock().millis());
        Admission admission = SessionRules.admit(state, gop);
        if (!admission.packaged()) {
            LOG.debugf("channel %s session %s seq %d: skipped, %s", channel, gop.sessionId(), gop.sequence(),
                    admission.detail());
            out.metrics().skipped(admission.skipReason());
            return;
        }
        if (admission.boundary() != Boundary.NONE) {
            LOG.infof("channel %s session %s seq %d: %s (%s)", channel, gop.sessionId(), gop.sequence(),
                    admission.boundary(), admission.detail());
        }
        List<RenditionOutput> outputs = outputs(gop, value);
        if (outputs == null && !gop.has(GopFlag.LAST)) {
            return; // unreadable: the next record sees the gap and marks a discontinuity
        }
        outputs = outputs == null ? List.of() : outputs;

        LivePresentation before = state.presentation();
        Boundary boundary = Boundary.strongest(Boundary.strongest(state.pendingBoundary(), admission.boundary()),
                formatBoundary(before, outputs));
        // a record without media (an end record without tags) leaves its boundary to the next one with media
        Boundary pending = outputs.isEmpty() ? boundary : Boundary.NONE;
        LivePresentation after;
        ManifestWriter.Update update;
        try {
            after = next(before, gop, boundary, outputs);
            update = after.equals(before) ? null : manifests.render(before, after, out.clock().instant());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // pure code refusing this record would refuse it on every retry and stall the whole partition: skip it,
            // and the next record starts after a discontinuity
            LOG.errorf(e, "channel %s session %s seq %d: skipped, cannot be added to the presentation", channel,
                    gop.sessionId(), gop.sequence());
            out.metrics().skipped(TranscodeMetrics.BAD_RECORD);
            return;
        }
        if (!outputs.isEmpty()) {
            out.objects().putAll(segmentObjects(before, outputs));
            out.metrics().segmentsStored(outputs.size());
        }
        if (update != null) {
            manifests.store(update);
            long stored = out.clock().millis();
            if (!outputs.isEmpty()) {
                out.metrics().manifestsStored(gop.closedAtEpochMillis(), stored);
                out.events().publish(events(gop, outputs, stored));
            }
        }
        retire(before, after);
        ChannelState next = state.after(gop, pending, after, out.retention().pending(channel));
        out.objects().putAll(List.of(OutputObjects.state(OutputKeys.state(channel), StateJson.write(next))));
        state = next;
        out.metrics().recordHandled(Duration.ofNanos(System.nanoTime() - started));
    }

    /** The presentation after the record: its segments added, or just ended for an end record without media. */
    private LivePresentation next(LivePresentation before, GopMetadata gop, Boundary boundary,
                                  List<RenditionOutput> outputs) {
        if (outputs.isEmpty()) {
            return gop.has(GopFlag.LAST) && !before.ended() && before.availabilityStartTime() != null
                    ? before.end() : before;
        }
        return before.apply(new GopSegments(gop.sessionId(), gop.sequence(), gop.mediaStartMillis(),
                wallClockStart(gop), boundary, gop.has(GopFlag.LAST),
                outputs.stream().map(RenditionOutput::entry).toList()), out.windowSize());
    }

    /** The record's renditions, or null when the record cannot be read (logged and counted). */
    private List<RenditionOutput> outputs(GopMetadata gop, byte[] value) {
        try {
            GopContent content = GopRecordReader.read(value);
            // a GOP's declared end is the next keyframe, where its last frame ends; the session's last record has
            // no next keyframe (ingest declares its end at the later of audio and video), so its last frame lasts
            // one typical frame rather than as long as the audio runs on
            OptionalLong end = gop.has(GopFlag.LAST) ? OptionalLong.empty()
                    : OptionalLong.of(gop.mediaStartMillis() + gop.mediaDurationMillis());
            List<TrackSegment> tracks = GopPackager.pack(content, gop.sequence(), end);
            return GopRenditions.of(channel, gop, tracks);
        } catch (GopRecordException | FlvFormatException | CodecConfigException | IllegalArgumentException e) {
            LOG.warnf("channel %s session %s seq %d: skipped, not a GOP record we can package: %s", channel,
                    gop.sessionId(), gop.sequence(), e.getMessage());
            out.metrics().skipped(TranscodeMetrics.BAD_RECORD);
            return null;
        }
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
