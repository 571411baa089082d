package io.tributary.deploy;

import io.tributary.deploy.cli.Cli;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point of the {@code ./tributary} script: {@code up} starts the local stack; the everyday commands
 * (channels, keys, tokens, live, kick, status) go to {@link Cli}. The script handles {@code help} and the
 * prerequisite checks and build.
 *
 * <p>The repository root comes from the system property {@code tributary.root}, which the script sets, else
 * the working directory.
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        if (Cli.handles(command)) {
            System.exit(Cli.run(Arrays.asList(args), root(), System.getenv(), System.out, System.err));
        }
        try {
            switch (command) {
                case "up" -> up(rest);
                default -> {
                    System.err.println("tributary: unknown command '" + command + "'; see ./tributary help");
                    System.exit(2);
                }
            }
        } catch (StackException e) {
            System.err.println("tributary: " + e.getMessage());
            System.exit(1); // runs the shutdown hook, which stops whatever had started
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void up(List<String> args) {
        StackLayout layout = StackLayout.parse(root(), args, System.getenv());
        ExtraJvmFlags jvmFlags = ExtraJvmFlags.fromEnvironment(System.getenv(), StackLauncher.processNames());
        StackLauncher launcher = new StackLauncher(layout, jvmFlags, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "tributary-stop"));
        launcher.start();
        // The children get SIGTERM when this thread dies (ChildProcess), so it waits here until the JVM exits:
        // Ctrl-C or SIGTERM runs the shutdown hook, which stops the stack.
        awaitForever();
    }

    private static Path root() {
        return Path.of(System.getProperty("tributary.root", System.getProperty("user.dir")));
    }

    private static void awaitForever() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        }
    }
}
