package io.tributary.archive.session;

import io.tributary.archive.ArchiveMeters;
import io.tributary.archive.assemble.JoinedFlv;
import io.tributary.archive.assemble.JoinedFlv.SeqRange;
import io.tributary.archive.assemble.Mp4Remuxer;
import io.tributary.archive.assemble.Mp4Remuxer.Mp4Facts;
import io.tributary.archive.assemble.PieceConcatenator;
import io.tributary.archive.store.ArchiveStore;
import io.tributary.archive.store.PartKeys;
import io.tributary.archive.store.PartName.Piece;
import io.tributary.archive.store.PieceCache;
import io.tributary.media.event.ArchiveReady;
import io.tributary.media.flv.FlvFormatException;
import io.tributary.storage.ObjectStorageException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Makes a session's archive from the parts in object storage, and only from them, so that any instance can do it at
 * any time, as often as it is asked: list the parts, join the pieces into one FLV, remux it to MP4 ({@code -c copy},
 * faststart), upload it to its one key, announce it, then delete the parts.
 *
 * <p>The order is what makes a crash harmless. The parts are deleted only after the announcement, so a crash
 * anywhere before leaves them for the next attempt, which writes the same key again (never a second archive). A
 * crash between the announcement and the end of the deletion announces the same archive twice: archive-ready is
 * at-least-once, keyed by channel and identified by sessionId.
 */
public final class SessionFinalizer {
    /** The reason given when the session's last record came (anything else is a timeout). */
    public static final String LAST_RECORD = "last record";
    private static final Logger LOG = Logger.getLogger(SessionFinalizer.class);
    private static final int WRITE_BUFFER = 1 << 20;

    private final ArchiveStore store;
    private final PieceCache cache;
    private final Mp4Remuxer remuxer;
    private final ArchiveAnnouncer announcer;
    private final Clock clock;

    public SessionFinalizer(ArchiveStore store, PieceCache cache, Mp4Remuxer remuxer, ArchiveAnnouncer announcer,
                            Clock clock) {
        this.store = store;
        this.cache = cache;
        this.remuxer = remuxer;
        this.announcer = announcer;
        this.clock = clock;
    }

    /**
     * Finalises the session; empty when it had no piece to make an archive of (its parts are removed all the same).
     *
     * @param joined the pieces joined while the session was live, or null; used only if it holds exactly the first
     *               pieces storage lists, and closed in any case
     * @throws Exception when storage, ffmpeg or Kafka failed: nothing was lost, call again
     */
    public Optional<ArchiveReady> finalizeSession(SessionRef session, String why, JoinedFlv joined) throws Exception {
        try (JoinedFlv head = joined) {
            return finalizeSession(session, why, head, System.nanoTime());
        }
    }

    private Optional<ArchiveReady> finalizeSession(SessionRef session, String why, JoinedFlv head, long started)
            throws Exception {
        SessionParts parts = SessionParts.fromKeys(store.list(session.partsPrefix()));
        if (parts.pieces().isEmpty()) {
            LOG.infof("session %s ended (%s) with nothing to archive", session, why);
            deleteParts(session, parts);
            return Optional.empty();
        }
        if (parts.missingRecords() > 0) {
            LOG.warnf("session %s: %d records never reached the archive; it has a gap", session, parts.missingRecords());
        }
        boolean resumed = head != null && head.appended().equals(ranges(parts, head.throughSeq()));
        Path flv = resumed ? null : cache.scratchFile(".flv");
        Path mp4 = cache.scratchFile(".mp4");
        try {
            if (resumed) {
                flv = resume(session, parts, head);
            } else {
                concatenate(session, parts, flv);
            }
            long joined = System.nanoTime();
            remuxer.remux(flv, mp4);
            Mp4Facts facts = remuxer.probe(mp4);
            long remuxed = System.nanoTime();
            long bytes = Files.size(mp4);
            store.putFile(session.archiveKey(), mp4, ArchiveStore.MP4);
            long uploaded = System.nanoTime();
            long ingested = parts.ingestedBytes();
            double ratio = ingested == 0 ? 0 : (double) bytes / ingested;
            ArchiveReady event = ArchiveReady.of(session.sessionId(), session.channel(), session.archiveKey(), bytes,
                    facts.durationMillis(), ingested, ratio, parts.ssim(), clock.instant());
            announcer.announce(event);
            long announced = System.nanoTime();
            ArchiveMeters.session(why.equals(LAST_RECORD) ? "last" : "timeout", Duration.ofNanos(announced - started),
                    bytes);
            deleteParts(session, parts);
            LOG.infof("archived %s (%s): %d pieces, %d ms, %d bytes (%.2f of %d ingested); ready in %d ms (%s %d, "
                    + "remux %d, upload %d, announce %d), parts deleted in %d ms", session, why, parts.pieces().size(),
                    facts.durationMillis(), bytes, ratio, ingested, millis(started, announced),
                    resumed ? "join of the last pieces" : "join from storage", millis(started, joined),
                    millis(joined, remuxed), millis(remuxed, uploaded), millis(uploaded, announced),
                    millis(announced, System.nanoTime()));
            return Optional.of(event);
        } finally {
            if (!resumed) {
                Files.deleteIfExists(flv);
            }
            Files.deleteIfExists(mp4);
        }
    }

    /** The pieces storage lists up to {@code throughSeq}, as the local join records them. */
    private static List<SeqRange> ranges(SessionParts parts, long throughSeq) {
        return parts.pieces().values().stream().filter(p -> p.lastSeq() <= throughSeq)
                .map(p -> new SeqRange(p.firstSeq(), p.lastSeq())).toList();
    }

    /** Appends the pieces the local join does not have yet (usually the last one) and closes it. */
    private Path resume(SessionRef session, SessionParts parts, JoinedFlv head) throws IOException {
        for (Piece piece : parts.pieces().tailMap(head.throughSeq(), false).values()) {
            head.append(new SeqRange(piece.firstSeq(), piece.lastSeq()), pieceBytes(session, piece));
        }
        return head.finish();
    }

    private byte[] pieceBytes(SessionRef session, Piece piece) {
        String name = piece.fileName();
        return cache.get(session.channel(), session.sessionId(), name)
                .or(() -> store.get(PartKeys.key(session.channel(), session.sessionId(), piece)))
                .orElseThrow(() -> new ObjectStorageException("piece " + name + " of " + session
                        + " vanished while finalising", null));
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    private void concatenate(SessionRef session, SessionParts parts, Path flv) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(flv), WRITE_BUFFER);
             PieceConcatenator joined = new PieceConcatenator(out)) {
            for (Piece piece : parts.pieces().values()) {
                String name = piece.fileName();
                byte[] bytes = pieceBytes(session, piece);
                try {
                    joined.append(bytes);
                } catch (FlvFormatException e) {
                    // a piece we wrote ourselves: only damage in storage gets here; the rest of the session is worth more
                    LOG.errorf("session %s: piece %s is not FLV (%s); archiving without it", session, name, e.getMessage());
                }
            }
            if (joined.retimed() > 0) {
                LOG.debugf("session %s: %d tags moved to keep decode timestamps rising", session, joined.retimed());
            }
        }
    }

    private void deleteParts(SessionRef session, SessionParts parts) {
        for (String key : parts.keys()) {
            store.delete(key);
        }
        cache.removeSession(session.channel(), session.sessionId());
    }
}
