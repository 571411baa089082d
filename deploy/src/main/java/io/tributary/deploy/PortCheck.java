package io.tributary.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every port of the stack before anything starts, so a taken port is one clear message instead of a
 * half-started stack and a bind exception deep in some child's log.
 */
final class PortCheck {

    private PortCheck() {
    }

    /** @throws StackException naming every port that is taken or given twice, with the flag that moves it */
    static void requireFree(Map<StackPort, Integer> ports) {
        List<String> problems = new ArrayList<>();
        Map<Integer, StackPort> seen = new HashMap<>();
        ports.forEach((port, number) -> {
            StackPort other = seen.putIfAbsent(number, port);
            if (other != null) {
                problems.add("port " + number + " is given to both " + other.description() + " and "
                        + port.description());
            } else if (!isFree(number)) {
                problems.add("port " + number + " (" + port.description() + ") is already in use; stop what holds it"
                        + " or choose another with " + port.flag() + " or " + port.environmentVariable());
            }
        });
        if (!problems.isEmpty()) {
            throw new StackException(String.join("\n", problems));
        }
    }

    /**
     * Free when it can be bound both on the wildcard address and on loopback: a listener on either would
     * collide with ours (children bind 127.0.0.1, and another program may hold 0.0.0.0).
     */
    static boolean isFree(int port) {
        return canBind(new InetSocketAddress(port)) && canBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    private static boolean canBind(InetSocketAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            // without SO_REUSEADDR a port in TIME_WAIT from the previous run counts as taken, though it is not
            socket.setReuseAddress(true);
            socket.bind(address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
