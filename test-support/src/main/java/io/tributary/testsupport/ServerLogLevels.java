package io.tributary.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts the embedded servers' own loggers at WARN, whichever logging back end the JVM has.
 *
 * <p>Kafka and S3Proxy log through SLF4J, whose provider depends on the JVM: slf4j-simple in this module's mains and
 * tests (configured by system properties, read when a logger is first made, so this runs before the servers start),
 * JBoss LogManager in a Quarkus test JVM (JUL levels reach it), or none at all (SLF4J's no-op). A level someone set
 * explicitly ({@code -Dorg.slf4j.simpleLogger.log.kafka=info}) is left alone.
 */
public final class ServerLogLevels {
    /** Logger name prefixes of the broker and its clients, S3Proxy (its shaded Jetty included), jclouds and Guice. */
    static final List<String> SERVER_LOGGERS = List.of(
            "kafka", "org.apache.kafka", "state.change.logger",
            "org.gaul", "org.jclouds", "jclouds", "com.google.inject");

    private static final String SIMPLE_PREFIX = "org.slf4j.simpleLogger.";
    /** Strong references: JUL forgets the level of a logger nobody holds. */
    private static final List<Logger> HELD = new ArrayList<>();

    private ServerLogLevels() {
    }

    public static synchronized void quiet() {
        if (!HELD.isEmpty()) {
            return;
        }
        setIfAbsent(SIMPLE_PREFIX + "showDateTime", "true");
        setIfAbsent(SIMPLE_PREFIX + "dateTimeFormat", "HH:mm:ss.SSS");
        for (String name : SERVER_LOGGERS) {
            setIfAbsent(SIMPLE_PREFIX + "log." + name, "warn");
            Logger logger = Logger.getLogger(name);
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARNING);
            }
            HELD.add(logger);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
