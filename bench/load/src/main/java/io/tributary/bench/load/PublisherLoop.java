package io.tributary.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * The one thread that runs every publisher: a selector for the sockets and a tick that sends each publisher's tags
 * as they fall due. A tag is sent at the first tick at or after its time, so at most one tick late; 100 publishers
 * cost 1000 / tick wake-ups a second, not a thread each. Two exceptions, where the tick would lengthen what the bench
 * measures: a keyframe is sent when it is due (the loop wakes for the earliest one: it closes the GOP before it,
 * where GOP close → playlist starts), and a publisher's first tags go out as soon as {@code NetStream.Publish.Start}
 * is read, as an encoder with frames ready sends them (the first playable time starts at the publish). Other threads
 * talk to it only through {@link #call}.
 */
final class PublisherLoop implements AutoCloseable {

    private final Selector selector;
    private final long tickNanos;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final List<RtmpPublisher> publishers = new ArrayList<>(); // loop thread only
    private final LatenessHistogram lateness = new LatenessHistogram(); // loop thread only
    private volatile boolean running = true;

    PublisherLoop(long tickMillis) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.tickNanos = tickMillis * 1_000_000L;
        this.thread = new Thread(this::run, "publisher-loop");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Runs {@code action} on the loop thread; the future completes with its result. */
    <T> CompletableFuture<T> call(Supplier<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        commands.add(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        selector.wakeup();
        return result;
    }

    void add(RtmpPublisher publisher) {
        call(() -> {
            publishers.add(publisher);
            publisher.open(selector);
            return null;
        }).join();
    }

    List<PublisherStatus> statuses() {
        return call(() -> publishers.stream().map(RtmpPublisher::status).toList()).join();
    }

    /** The scheduler's lateness since the last call, which starts a new period. */
    LatenessHistogram takeLateness() {
        return call(() -> {
            LatenessHistogram copy = lateness.copy();
            lateness.reset();
            return copy;
        }).join();
    }

    /** Asks every publisher to unpublish; returns once all are closed or {@code timeoutMillis} passed. */
    void stopAll(long timeoutMillis) {
        call(() -> {
            publishers.forEach(RtmpPublisher::stop);
            return null;
        }).join();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline
                && call(() -> publishers.stream().allMatch(RtmpPublisher::finished)).join() == Boolean.FALSE) {
            sleep(50);
        }
        call(() -> {
            publishers.forEach(p -> p.abort("still open " + timeoutMillis + " ms after stop"));
            return null;
        }).join();
    }

    private void run() {
        ByteBuffer scratch = ByteBuffer.allocateDirect(64 * 1024);
        long nextTick = System.nanoTime();
        while (running) {
            try {
                long wake = nextTick;
                for (RtmpPublisher publisher : publishers) {
                    wake = Math.min(wake, publisher.nextKeyframeDueNanos());
                }
                long waitNanos = wake - System.nanoTime();
                if (waitNanos >= 1_000_000L) {
                    selector.select(waitNanos / 1_000_000L);
                } else if (waitNanos > 0) {
                    selector.select(1); // select(0) would block: a keyframe due within a millisecond waits one
                } else {
                    selector.selectNow();
                }
                long now = System.nanoTime();
                for (SelectionKey key : selector.selectedKeys()) {
                    RtmpPublisher publisher = (RtmpPublisher) key.attachment();
                    publisher.onReady(scratch);
                    publisher.sendDue(now, lateness); // streaming from the Publish.Start it may just have read
                }
                selector.selectedKeys().clear();
                Runnable command;
                while ((command = commands.poll()) != null) {
                    command.run();
                }
                now = System.nanoTime();
                if (now < nextTick) {
                    for (RtmpPublisher publisher : publishers) {
                        if (publisher.nextKeyframeDueNanos() <= now) {
                            publisher.sendDue(now, lateness);
                        }
                    }
                } else {
                    for (RtmpPublisher publisher : publishers) {
                        publisher.sendDue(now, lateness);
                    }
                    nextTick += tickNanos;
                    if (nextTick < now) {
                        nextTick = now + tickNanos; // fell behind by more than a tick: do not burst to catch up
                    }
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("[load] publisher loop: " + e);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(5_000);
            selector.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
