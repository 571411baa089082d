package io.tributary.testsupport;

/** A server of the local stack was asked to listen on a port that something else already holds. */
public final class PortInUseException extends IllegalStateException {
    private final int port;

    public PortInUseException(int port, String what) {
        super("port " + port + " (" + what + ") is already in use on 127.0.0.1; stop what holds it or choose another port");
        this.port = port;
    }

    public int port() {
        return port;
    }
}
