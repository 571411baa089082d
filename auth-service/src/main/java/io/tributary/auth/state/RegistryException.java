package io.tributary.auth.state;

/** A request the state cannot satisfy: what it names does not exist, or conflicts with what does. */
public final class RegistryException extends RuntimeException {

    public enum Kind {
        /** No such channel or key. */
        NOT_FOUND,
        /** Already exists, or a limit on what may exist is reached. */
        CONFLICT
    }

    private final Kind kind;

    public RegistryException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
