package io.tributary.archive.session;

import io.tributary.archive.ArchiveMeters;
import io.tributary.archive.assemble.NoArchivableTrackException;
import io.tributary.archive.session.FragmentSpool.ArchiveBody;
import io.tributary.archive.store.ArchiveStore;
import io.tributary.archive.store.PartKeys;
import io.tributary.archive.store.PieceCache;
import io.tributary.media.event.ArchiveReady;
import io.tributary.storage.ObjectStorageException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Makes a session's archive from the parts in object storage, so that any instance can do it at any time, as often
 * as it is asked: list the parts, fragment the GOPs after the last stored chunk (the tail), write the archive as the
 * chunks (server-side copies) followed by the tail in one multipart upload, announce it, then delete the parts. The
 * instance that recorded the session takes the tail from its live spool, which holds (in copy mode) GOPs that are in
 * no piece: their records are not committed until the archive is announced, so a crash on the way hands them to the
 * next owner again.
 *
 * <p>The order is what makes a crash harmless. The parts are deleted only after the announcement, so a crash
 * anywhere before leaves them for the next attempt, which writes the same key again (with the same bytes, but for the
 * case below; never a second archive: the multipart upload makes the object appear whole or not at all). After the
 * announcement a {@link #finishedMarker} is stored, and deleted last: a run that finds it was stopped while deleting
 * the parts, and only finishes the deletion (building again from whatever pieces were left would write a shorter
 * archive over the complete one). A crash between the announcement and the marker announces the same archive twice:
 * archive-ready is at-least-once, keyed by channel and identified by sessionId.
 *
 * <p>A failure after the live spool gave the tail (the upload, the announcement, the marker, the deletion) gives it up
 * rather than keep it finishing until an attempt succeeds: the GOPs only it held, whose records are not committed, are
 * then stored as pieces when the partition reaches its bound on records in flight, at chunk-wait, or by the next
 * attempt, which works from storage. They are stored as the pieces the spool fragmented them as, so that attempt, on
 * this instance, writes the same bytes as the failed one ({@link LiveSpool#endFailed}); not if the instance dies
 * before they are stored (the next owner may store them as one piece).
 */
public final class SessionFinalizer {
    /** The reason given when the session's last record came (anything else is a timeout). */
    public static final String LAST_RECORD = "last record";
    private static final Logger LOG = Logger.getLogger(SessionFinalizer.class);
    /** The marker's name; not a part name ({@code PartName.parse} finds nothing in it), so part listings skip it. */
    private static final String FINISHED = "finished";
    private static final String FINISHED_CONTENT_TYPE = "application/octet-stream";

    private final ArchiveStore store;
    private final PieceCache cache;
    private final ArchiveAnnouncer announcer;
    private final Clock clock;

    public SessionFinalizer(ArchiveStore store, PieceCache cache, ArchiveAnnouncer announcer, Clock clock) {
        this.store = store;
        this.cache = cache;
        this.announcer = announcer;
        this.clock = clock;
    }

    /**
     * Finalises the session; empty when it had no piece to make an archive of, or no track an MP4 archive carries
     * ({@link NoArchivableTrackException}): its parts are removed all the same.
     *
     * @param live the session as this instance recorded it, or null; its spool gives the tail if it agrees with what
     *             storage lists, otherwise the GOPs only it holds are stored first and the archive is made from
     *             storage. The caller closes it ({@link SessionArchive#finished}) once this returned; when this
     *             throws after the spool gave the tail, the spool is given up ({@link SessionArchive#endFailed})
     * @throws SessionAbandonedException when a GOP only {@code live} held is lost: {@code live} is abandoned, the
     *                                   stages of its waiting records failed; the session is finished once it has
     *                                   been rebuilt from those records, handed again
     * @throws IllegalStateException when GOPs are held only by chunks off the archive's chain: no archive is made
     *                               without them; the parts are left as they are (for someone to look at)
     * @throws Exception when storage or Kafka failed, or the GOPs could not be fragmented (a bug, or media no sample
     *                   of an MP4 can time): nothing was lost, call again. The caller logs the failure (this
     *                   logs nothing of it, so that a retried end is not a log line per attempt)
     */
    public Optional<ArchiveReady> finalizeSession(SessionRef session, String why, SessionArchive live) throws Exception {
        try {
            return attempt(session, why, live);
        } catch (Exception e) {
            if (live != null) {
                // the GOPs only the live spool holds would otherwise wait, finishing, for an attempt that succeeds
                live.endFailed();
            }
            throw e;
        }
    }

    /** One attempt at the session's end: see {@link #finalizeSession}. */
    private Optional<ArchiveReady> attempt(SessionRef session, String why, SessionArchive live) throws Exception {
        long started = System.nanoTime();
        List<String> keys = store.list(session.partsPrefix());
        if (keys.contains(finishedMarker(session))) {
            // a previous run stored and announced the archive and was stopped while deleting the parts: the
            // pieces left may be any subset, so building the archive again could only make a shorter one
            LOG.infof("session %s was archived and announced before (%s); removing what is left of its parts",
                    session, why);
            deleteParts(session);
            return Optional.empty();
        }
        SessionParts parts = SessionParts.fromKeys(keys);
        boolean resumed = live != null && live.spoolAgreesWith(parts);
        // throws, rather than finishing without them, when a GOP only the live session held is lost
        if (live != null && !resumed && live.storeKeptForTheEnd()) {
            LOG.infof("session %s: its live spool does not agree with storage; finishing from storage", session);
            parts = SessionParts.fromKeys(store.list(session.partsPrefix()));
        }
        if (parts.pieces().isEmpty()) {
            LOG.infof("session %s ended (%s) with nothing to archive", session, why);
            deleteParts(session);
            return Optional.empty();
        }
        long stranded = parts.strandedGops();
        if (stranded > 0) {
            // chunks that overlap so that no chain takes them all: their records may be committed, so an archive
            // made now would miss those GOPs for good; left for someone to look at (and retried meanwhile)
            throw new IllegalStateException(stranded + " GOPs are held only by chunks off the archive's chain; its "
                    + "parts are left as they are");
        }
        long missing = parts.missingRecords();
        if (missing > 0) {
            LOG.warnf("session %s: %d records never reached the archive; it has a gap", session, missing);
        }
        ArchiveBody body;
        try (FragmentSpool fromStorage = resumed ? null : FragmentSpool.resume(session, parts, store,
                new PartReader(store, cache), cache.spoolFile(session.channel(), session.sessionId()))) {
            body = resumed ? live.finishSpool() : fromStorage.finish(parts.pieces());
        } catch (NoArchivableTrackException e) {
            // an MP3-only or AV1 stream: nothing will ever make an archive of it. Only this: any other failure while
            // fragmenting (a bug, a timestamp that no sample duration holds) is thrown and the end tried again,
            // rather than the parts deleted and the GOPs only the live spool kept committed without an archive
            LOG.errorf("session %s ended (%s) without media an MP4 archive carries: %s", session, why, e.getMessage());
            deleteParts(session);
            return Optional.empty();
        }
        long tailed = System.nanoTime();
        List<String> chunkKeys = body.chunks().stream()
                .map(c -> PartKeys.key(session.channel(), session.sessionId(), c)).toList();
        store.compose(session.archiveKey(), chunkKeys, body.tail(), ArchiveStore.MP4);
        long uploaded = System.nanoTime();
        long ingested = body.ingestedBytes();
        double ratio = ingested == 0 ? 0 : (double) body.bytes() / ingested;
        ArchiveReady event = ArchiveReady.of(session.sessionId(), session.channel(), session.archiveKey(),
                body.bytes(), body.endMillis(), ingested, ratio, parts.ssim(), clock.instant());
        announcer.announce(event);
        store.put(finishedMarker(session), new byte[0], FINISHED_CONTENT_TYPE);
        long announced = System.nanoTime();
        ArchiveMeters.session(why.equals(LAST_RECORD) ? "last" : "timeout", Duration.ofNanos(announced - started),
                body.bytes());
        deleteParts(session);
        int pieces = (resumed ? live.pieces() : parts.pieces()).size();
        LOG.infof("archived %s (%s): %d pieces, %d ms, %d bytes (%.2f of %d ingested); ready in %d ms (tail of %d "
                + "bytes %s %d, compose of %d chunks + tail %d, announce %d), parts deleted in %d ms", session, why,
                pieces, body.endMillis(), body.bytes(), ratio, ingested, millis(started, announced),
                body.tail().length, resumed ? "from the live spool" : "from storage", millis(started, tailed),
                body.chunks().size(), millis(tailed, uploaded), millis(uploaded, announced),
                millis(announced, System.nanoTime()));
        return Optional.of(event);
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    /**
     * {@code archive-parts/{channel}/{session}/finished}: written once the archive is stored and announced, deleted
     * last, so that a run stopped while deleting the parts is recognised by the next one.
     */
    public static String finishedMarker(SessionRef session) {
        return session.partsPrefix() + FINISHED;
    }

    /**
     * Deletes what storage lists now (finishing may have stored chunks the first listing did not show) in one
     * multi-object request, the marker last and only once the others are gone.
     */
    private void deleteParts(SessionRef session) {
        String marker = finishedMarker(session);
        List<String> parts = store.list(session.partsPrefix()).stream().filter(key -> !key.equals(marker)).toList();
        Map<String, String> failed = store.deleteAll(parts);
        if (!failed.isEmpty()) {
            Map.Entry<String, String> first = failed.entrySet().iterator().next();
            throw new ObjectStorageException("cannot delete " + failed.size() + " parts of " + session.partsPrefix()
                    + " (" + first.getKey() + ": " + first.getValue() + ")", null);
        }
        store.delete(marker);
        cache.removeSession(session.channel(), session.sessionId());
    }
}
