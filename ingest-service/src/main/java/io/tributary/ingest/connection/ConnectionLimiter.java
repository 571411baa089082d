package io.tributary.ingest.connection;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Admission of RTMP(S) connections: at most {@code maxTotal} open on this instance and {@code maxPerIp} from one
 * address, so that one host (or a flood) cannot take every slot. Shared by every listener and event loop, so it has
 * one lock, held for a counter update only.
 */
final class ConnectionLimiter {

    static final String MAX_TOTAL = "max-total";
    static final String MAX_PER_IP = "max-per-ip";

    private final int maxTotal;
    private final int maxPerIp;
    private final Map<String, Integer> perIp = new HashMap<>();
    private int total;

    ConnectionLimiter(int maxTotal, int maxPerIp) {
        if (maxTotal <= 0 || maxPerIp <= 0) {
            throw new IllegalArgumentException("connection limits must be positive");
        }
        this.maxTotal = maxTotal;
        this.maxPerIp = maxPerIp;
    }

    /** Takes a slot for {@code ip}; empty when admitted, else the limit that refused it. */
    synchronized Optional<String> tryAcquire(String ip) {
        if (total >= maxTotal) {
            return Optional.of(MAX_TOTAL);
        }
        int fromIp = perIp.getOrDefault(ip, 0);
        if (fromIp >= maxPerIp) {
            return Optional.of(MAX_PER_IP);
        }
        perIp.put(ip, fromIp + 1);
        total++;
        return Optional.empty();
    }

    /** Gives back a slot taken by {@link #tryAcquire}. */
    synchronized void release(String ip) {
        Integer fromIp = perIp.get(ip);
        if (fromIp == null) {
            return;
        }
        if (fromIp <= 1) {
            perIp.remove(ip);
        } else {
            perIp.put(ip, fromIp - 1);
        }
        total--;
    }

    synchronized int open() {
        return total;
    }
}
