package io.tributary.transcode.consume;

import io.tributary.media.gop.GopMetadata;
import io.tributary.storage.StoredObject;
import io.tributary.transcode.manifest.live.LivePresentation;
import io.tributary.transcode.store.PendingUploads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A channel's first record's segment objects, stored while the channel's state is still loading (issue 10: a new
 * channel's first playlist then waits for the state load or the segments, whichever is longer, instead of one after
 * the other). The uploads are only started here: once the state is loaded, the packager sends the record's other
 * first-round objects (a new channel's playlist placeholders) while they are still in flight, and
 * {@linkplain #awaitStored waits} for them before any manifest that names them. Safe because every key stored here is
 * a function of the record, never of the state: a media segment is {@code {sessionId}-{sequence}.m4s}
 * ({@code SegmentNames}), an init segment is named by its content. So the packager, once the state is applied, stores
 * only what is not stored yet ({@link #toStore}): for a record it lists, the same objects as without this, each
 * stored once.
 *
 * <p>Only a record that is plainly live is stored before its state says what it is ({@link #live}). A record the
 * state then refuses (a replay of one the previous owner handled) had its segments stored for nothing: those the
 * state's manifests do not list go to retention like any segment that left the manifests ({@link #unlisted}), so that
 * nothing stored here outlives its grace unlisted, not even a segment retention had already deleted.
 */
final class EarlySegments {
    /** Nothing stored early: the packager stores the record's segments itself, as for any later record. */
    static final EarlySegments NONE = new EarlySegments(List.of());

    /**
     * How recently a record must have closed at ingest to be stored before its state is known. A live channel's
     * record reaches its worker within a GOP of its close (milliseconds when the worker keeps up); an older one is a
     * backlog or a replay after a crash or a rebalance, whose first playlist is not waited for by a viewer joining
     * live. The bound is what keeps a replay from bringing back a deleted segment: a segment is deleted no sooner than
     * the retention grace (30 s by default) after it left the manifests, which is after its record closed, so a record
     * closed less than 5 s ago has no deleted segment, with room for ingest's and the workers' clocks to disagree by
     * seconds. {@link #unlisted} is the second line, for a grace configured below it. The same bound keeps the
     * uploads, which may still be in flight when the packager is made, from racing the state's pending deletions it
     * restores then: a deletion due already is of a segment that left the manifests over a grace ago.
     */
    static final Duration LIVE_FOR = Duration.ofSeconds(5);

    private final List<RenditionOutput> outputs;
    private final PendingUploads uploads;

    /** What was stored, all of it already: the record's outputs (each its media segment and init segment). */
    EarlySegments(List<RenditionOutput> outputs) {
        this(outputs, PendingUploads.NONE);
    }

    private EarlySegments(List<RenditionOutput> outputs, PendingUploads uploads) {
        this.outputs = outputs;
        this.uploads = uploads;
    }

    /**
     * Starts storing the record's media segments and all its init segments now if it is live and has media, and says
     * what is being stored; stores nothing otherwise. The caller must {@link #awaitStored} (or, failing,
     * {@link #awaitQuietly}) before its step ends: a failed upload fails the step then, and its retry starts over,
     * storing again.
     *
     * @param checkOpen throws if the channel left this worker: nothing is stored then
     */
    static EarlySegments start(GopReading record, PackagerOutputs out, Runnable checkOpen)
            throws InterruptedException {
        List<RenditionOutput> outputs = record.outputs();
        if (outputs == null || outputs.isEmpty() || !live(record.gop(), out.clock().millis())) {
            return NONE;
        }
        List<StoredObject> objects = new ArrayList<>(outputs.size() * 2);
        for (RenditionOutput o : outputs) {
            objects.add(o.init());
            objects.add(o.segment());
        }
        checkOpen.run();
        return new EarlySegments(List.copyOf(outputs), out.objects().startAll(objects));
    }

    /**
     * Returns once every object started here is stored.
     *
     * @throws io.tributary.storage.ObjectStorageException an upload failed: the step fails and is retried
     */
    void awaitStored() throws InterruptedException {
        uploads.await();
    }

    /** Waits for the uploads started here, whatever their end, for a step that is failing anyway. */
    void awaitQuietly() {
        uploads.awaitQuietly();
    }

    /** The record closed at ingest less than {@link #LIVE_FOR} ago (or "later", by a clock ahead of ours). */
    static boolean live(GopMetadata gop, long nowMillis) {
        return nowMillis - gop.closedAtEpochMillis() < LIVE_FOR.toMillis();
    }

    /** {@code objects} without those stored here. */
    List<StoredObject> toStore(List<StoredObject> objects) {
        if (outputs.isEmpty()) {
            return objects;
        }
        Set<String> stored = outputs.stream().flatMap(o -> List.of(o.init().key(), o.segment().key()).stream())
                .collect(Collectors.toSet());
        return objects.stream().filter(o -> !stored.contains(o.key())).toList();
    }

    /**
     * The keys of the media segments stored here that {@code presentation} does not list: of a record then refused,
     * nothing names them. Init segments are left alone: content-named, one may be a listed rendition's.
     */
    List<String> unlisted(LivePresentation presentation) {
        return outputs.stream()
                .filter(o -> !presentation.rendition(o.rendition())
                        .map(r -> r.playlist().lists(o.entry().uri())).orElse(false))
                .map(o -> o.segment().key())
                .toList();
    }
}
