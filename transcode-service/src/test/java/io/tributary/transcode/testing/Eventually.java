package io.tributary.transcode.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what an asynchronous pipeline does, with deadlines generous enough for a busy shared machine. */
public final class Eventually {
    public static final Duration PATIENCE = Duration.ofSeconds(180);

    private Eventually() {
    }

    public static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE + ": " + what);
            }
            Thread.sleep(100);
        }
    }
}
