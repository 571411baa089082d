package io.tributary.transcode.consume;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Proves without timing that calls are in flight together: each of the expected calls waits here until all have
 * arrived. Calls made one after the other would each wait in vain (a minute, a liveness bound only), and
 * {@link #apart} says so.
 */
final class Rendezvous {
    private final CountDownLatch arrived;
    private final AtomicBoolean apart = new AtomicBoolean();

    Rendezvous(int calls) {
        this.arrived = new CountDownLatch(calls);
    }

    void arrive() {
        arrived.countDown();
        try {
            if (!arrived.await(60, TimeUnit.SECONDS)) {
                apart.set(true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A call gave up waiting for the others: they were not in flight together. */
    boolean apart() {
        return apart.get();
    }
}
