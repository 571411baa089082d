package io.tributary.archive.session;

/**
 * A GOP that only this instance held (copy mode, waiting for its chunk) is lost here: the session is abandoned. The
 * stages of its waiting records have failed, and it must be dropped and rebuilt from storage when Kafka hands those
 * records again. Whatever was being done (storing a piece after them, finishing the archive) must not go on without
 * them, so this exception is the only way an abandonment is told: whoever holds the session drops it when it sees one.
 */
public final class SessionAbandonedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public SessionAbandonedException(String message) {
        super(message);
    }
}
