package io.tributary.deploy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void namesATakenPortWithTheFlagAndVariableThatMoveIt() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<StackPort, Integer> ports = new EnumMap<>(StackPort.class);
            ports.put(StackPort.KAFKA, taken.getLocalPort());

            StackException e = assertThrows(StackException.class, () -> PortCheck.requireFree(ports));

            assertTrue(e.getMessage().contains("port " + taken.getLocalPort() + " (Kafka) is already in use"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("--kafka-port"), e.getMessage());
            assertTrue(e.getMessage().contains("TRIBUTARY_KAFKA_PORT"), e.getMessage());
        }
    }

    @Test
    void seesAPortTakenOnTheWildcardAddress() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            Map<StackPort, Integer> ports = new EnumMap<>(StackPort.class);
            ports.put(StackPort.S3, taken.getLocalPort());

            assertThrows(StackException.class, () -> PortCheck.requireFree(ports));
        }
    }

    @Test
    void rejectsOnePortGivenTwice() throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        Map<StackPort, Integer> ports = new EnumMap<>(StackPort.class);
        ports.put(StackPort.AUTH, free);
        ports.put(StackPort.INGEST, free);

        StackException e = assertThrows(StackException.class, () -> PortCheck.requireFree(ports));

        assertTrue(e.getMessage().contains("given to both"), e.getMessage());
    }

    @Test
    void acceptsFreePorts() throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        Map<StackPort, Integer> ports = new EnumMap<>(StackPort.class);
        ports.put(StackPort.ARCHIVE, free);

        assertDoesNotThrow(() -> PortCheck.requireFree(ports));
    }
}
