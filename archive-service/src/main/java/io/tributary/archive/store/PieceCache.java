package io.tributary.archive.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Local copies of the parts this instance wrote (the raw records of re-encode mode, and the pieces of a session that
 * has no live spool: a live spool holds its pieces' samples itself), so that continuing a GOP or finalising a
 * session reads them from disk instead of downloading them again. In copy mode it also keeps the records of the GOPs
 * waiting for their chunk, which have no piece in storage: they are stored from here as one piece when they waited
 * too long (see {@code SessionArchive}), and removed once a chunk holds them. Only a cache: object storage is the
 * truth (and Kafka, for those waiting GOPs, whose records are not committed), a missing or unreadable file is fetched
 * from there, and a crash merely leaves files that the next finalisation of the session removes.
 */
public final class PieceCache {
    private static final Logger LOG = Logger.getLogger(PieceCache.class);

    private static final String SPOOL = "spool";
    private static final String SCRATCH = "scratch";

    private final Path root;

    public PieceCache(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
            // spools and scratch files of a previous process are of no use to this one (its sessions are rebuilt
            // from object storage); cached pieces are kept: they spare downloads
            deleteTree(root.resolve(SPOOL));
            deleteTree(root.resolve(SCRATCH));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the archive work directory " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    /**
     * Writes the copy whole or not at all (a reader never sees half a piece). Failures are logged, not thrown: for a
     * copy of something storage holds too. A copy that is the only one (a GOP waiting for its chunk) is written with
     * {@link #write}.
     */
    public void put(String channel, String sessionId, String fileName, byte[] bytes) {
        try {
            write(channel, sessionId, fileName, bytes);
        } catch (IOException e) {
            LOG.debugf("no local copy of %s/%s/%s: %s", channel, sessionId, fileName, e.toString());
        }
    }

    /** As {@link #put}, but a copy that cannot be written is the caller's to handle. */
    public void write(String channel, String sessionId, String fileName, byte[] bytes) throws IOException {
        Path dir = sessionDir(channel, sessionId);
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, fileName, ".partial");
        try {
            Files.write(partial, bytes);
            Files.move(partial, dir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    public Optional<byte[]> get(String channel, String sessionId, String fileName) {
        try {
            return Optional.of(Files.readAllBytes(sessionDir(channel, sessionId).resolve(fileName)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.debugf("local copy of %s unreadable, fetching it: %s", fileName, e.toString());
            return Optional.empty();
        }
    }

    public void remove(String channel, String sessionId, String fileName) {
        try {
            Files.deleteIfExists(sessionDir(channel, sessionId).resolve(fileName));
        } catch (IOException e) {
            LOG.debugf("cannot remove local copy %s: %s", fileName, e.toString());
        }
    }

    public void removeSession(String channel, String sessionId) {
        Path dir = sessionDir(channel, sessionId);
        try {
            deleteTree(dir);
        } catch (IOException | UncheckedIOException e) {
            LOG.debugf("cannot remove %s: %s", dir, e.toString());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * Where a session's fragments wait until they make a chunk (see {@code FragmentSpool}); each spool of the session
     * gets a file of its own, so that the finaliser's never clashes with the live one it replaces.
     */
    public Path spoolFile(String channel, String sessionId) throws IOException {
        Path dir = root.resolve(SPOOL).resolve(channel);
        Files.createDirectories(dir);
        return Files.createTempFile(dir, sessionId + "-", ".m4s");
    }

    private Path sessionDir(String channel, String sessionId) {
        // both names are validated (PartKeys/ObjectKeys) before a piece exists: no '/', no '..'
        return root.resolve("pieces").resolve(channel).resolve(sessionId);
    }
}
