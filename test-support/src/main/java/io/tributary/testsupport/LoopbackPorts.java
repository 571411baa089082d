package io.tributary.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Ports on 127.0.0.1 for the embedded servers: free ones picked by the OS, or a fixed one checked before a server
 * tries it, so that a taken port is one clear sentence instead of a bind exception deep in Kafka or Jetty.
 */
public final class LoopbackPorts {
    private LoopbackPorts() {
    }

    /**
     * Ports that were free a moment ago, all different: the sockets are held open together until every port is
     * known, then closed. Another process could take one before the caller binds it; on a test machine that is rare
     * enough to accept.
     */
    public static int[] pickFree(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pick a free port on 127.0.0.1", e);
        } finally {
            held.forEach(LoopbackPorts::closeQuietly);
        }
    }

    /** Returns {@code port} if it can be bound on 127.0.0.1 right now, else throws {@link PortInUseException}. */
    public static int requireFree(int port, String what) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " (" + what + ") is not a TCP port");
        }
        // SO_REUSEADDR as Kafka and Jetty bind: a port left in TIME_WAIT by a previous run counts as free
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return port;
        } catch (IOException e) {
            throw new PortInUseException(port, what);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a listening socket we never accepted on cannot lose anything
        }
    }
}
