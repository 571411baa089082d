package io.tributary.deploy.cli;

/**
 * A command that cannot be done, with the one line that explains it to the person at the terminal (what failed,
 * and what to do when there is something to do) and the exit status the command ends with.
 */
final class CliException extends RuntimeException {

    /** The request reached no answer or was refused: the stack is down, the name unknown, the token wrong. */
    static final int FAILED = 1;
    /** The command line itself is wrong: unknown command or option, missing or malformed value. */
    static final int USAGE = 2;

    private final int exitStatus;

    private CliException(String message, int exitStatus) {
        super(message);
        this.exitStatus = exitStatus;
    }

    static CliException failed(String message) {
        return new CliException(message, FAILED);
    }

    static CliException usage(String message) {
        return new CliException(message, USAGE);
    }

    int exitStatus() {
        return exitStatus;
    }
}
