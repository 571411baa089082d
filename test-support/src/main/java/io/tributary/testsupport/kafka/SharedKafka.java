package io.tributary.testsupport.kafka;

import io.tributary.testsupport.TempDirs;

import java.nio.file.Path;

/**
 * One Kafka broker per test JVM, started by the first test that asks and shared by every test class after it (a
 * broker takes seconds to start; a topic name per test keeps tests apart). A shutdown hook stops it and deletes its
 * temporary data.
 *
 * <p>The address is also published as the system property {@value #PROPERTY}: a copy of this class loaded by another
 * class loader in the same JVM (Quarkus tests load test resources in their own) finds the running broker there
 * instead of starting a second one. Setting the property by hand points the tests at any broker.
 */
public final class SharedKafka {
    public static final String PROPERTY = "tributary.test.kafka.bootstrap-servers";

    private SharedKafka() {
    }

    /** Starts the shared broker if this JVM has none yet, and returns its {@code bootstrap.servers}. */
    public static synchronized String bootstrapServers() {
        String running = System.getProperty(PROPERTY);
        if (running != null) {
            return running;
        }
        Path dir = TempDirs.create("tributary-kafka-");
        EmbeddedKafka started;
        try {
            started = EmbeddedKafka.start(dir, 0, 0);
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: a consumer's class path without the broker's jars
            TempDirs.delete(dir);
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            started.close();
            TempDirs.delete(dir);
        }, "shared-kafka-shutdown"));
        System.setProperty(PROPERTY, started.bootstrapServers());
        return started.bootstrapServers();
    }
}
