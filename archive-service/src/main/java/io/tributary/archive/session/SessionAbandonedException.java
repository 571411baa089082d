package io.tributary.archive.session;

/**
 * A GOP that only this instance held (copy mode, waiting for its chunk) is lost here: the session is
 * {@linkplain SessionArchive#abandoned() abandoned}, the stages of its waiting records have failed, and it must be
 * rebuilt from storage when Kafka hands those records again. Whatever was being done (storing a piece after them,
 * finishing the archive) must not go on without them.
 */
public final class SessionAbandonedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public SessionAbandonedException(String message) {
        super(message);
    }
}
