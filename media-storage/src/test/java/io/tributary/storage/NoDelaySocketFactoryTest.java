package io.tributary.storage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** Issue 10: a large PUT waited up to 40 ms for the server's delayed ACK while Nagle's algorithm held its tail. */
class NoDelaySocketFactoryTest {
    private final NoDelaySocketFactory factory = new NoDelaySocketFactory();

    @Test
    void turnsNagleOffOnTheUnconnectedSocketsOkHttpAsksFor() throws Exception {
        try (Socket socket = factory.createSocket()) {
            assertTrue(socket.getTcpNoDelay());
        }
    }

    @Test
    void turnsNagleOffOnConnectedSockets() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 4, loopback);
             Socket byName = factory.createSocket(loopback.getHostAddress(), server.getLocalPort());
             Socket byAddress = factory.createSocket(loopback, server.getLocalPort())) {
            assertTrue(byName.getTcpNoDelay());
            assertTrue(byAddress.getTcpNoDelay());
        }
    }
}
