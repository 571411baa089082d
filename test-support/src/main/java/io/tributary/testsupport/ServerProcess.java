package io.tributary.testsupport;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * The life of a server main ({@code KafkaBrokerMain}, {@code S3ServerMain}) as the local-stack launcher sees it:
 * exactly one line on standard output once the server serves, errors as one line on standard error, and a clean
 * close on SIGTERM or Ctrl-C (a shutdown hook).
 *
 * <p>Exit codes: 2 when a port is taken, 64 for a bad command line (BSD {@code EX_USAGE}), 1 for any other failure to
 * start, 143 after SIGTERM (the JVM's usual 128 + 15).
 */
public final class ServerProcess {
    static final int EXIT_FAILED = 1;
    static final int EXIT_PORT_IN_USE = 2;
    static final int EXIT_USAGE = 64;

    /** A server that is up, and the line that tells the launcher so. */
    public record Started(AutoCloseable server, String readyLine) {
    }

    private ServerProcess() {
    }

    /**
     * Parses {@code args} against {@code defaults}, starts the server with {@code start}, prints its ready line and
     * blocks until the JVM shuts down. Never returns normally after a failure: it exits the JVM.
     */
    public static void serve(String name, String[] args, Map<String, String> defaults, Function<ServerArgs, Started> start) {
        ServerLogLevels.quiet();
        Started started;
        try {
            started = start.apply(ServerArgs.parse(args, defaults));
        } catch (PortInUseException e) {
            fail(name, e.getMessage(), EXIT_PORT_IN_USE);
            return;
        } catch (IllegalArgumentException e) {
            fail(name, e.getMessage(), EXIT_USAGE);
            return;
        } catch (RuntimeException e) {
            fail(name, "failed to start: " + rootMessage(e), EXIT_FAILED);
            return;
        }
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                started.server().close();
            } catch (Exception e) {
                System.err.println(name + ": error while stopping: " + rootMessage(e));
            } finally {
                closed.countDown();
            }
        }, name + "-shutdown"));
        System.out.println(started.readyLine());
        System.out.flush();
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void fail(String name, String message, int exitCode) {
        System.err.println(name + ": " + message);
        System.err.flush();
        System.exit(exitCode);
    }

    /** The innermost cause's message, which is where Kafka and Jetty put the useful part. */
    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String line = root == t ? message : message + " (" + t.getMessage() + ")";
        return line.replace('\n', ' ');
    }
}
