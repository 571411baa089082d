package io.tributary.deploy;

import java.util.Locale;

/**
 * Every port the local stack listens on, with its default and the flag and environment variable that change it
 * ({@code --kafka-port} / {@code TRIBUTARY_KAFKA_PORT}, {@code --kafka-controller-port} /
 * {@code TRIBUTARY_KAFKA_CONTROLLER_PORT}...).
 */
enum StackPort {
    RTMP("rtmp", "RTMP ingest", 1935),
    RTMPS("rtmps", "RTMPS ingest", 1936),
    KAFKA("kafka", "Kafka", 9092),
    KAFKA_CONTROLLER("kafka-controller", "Kafka KRaft controller", 9093),
    S3("s3", "S3 server", 9000),
    AUTH("auth", "auth-service HTTP", 8081),
    INGEST("ingest", "ingest-service HTTP", 8082),
    TRANSCODE("transcode", "transcode-service HTTP", 8083),
    THUMBNAIL("thumbnail", "thumbnail-service HTTP", 8084),
    ARCHIVE("archive", "archive-service HTTP", 8085);

    private final String key;
    private final String description;
    private final int defaultPort;

    StackPort(String key, String description, int defaultPort) {
        this.key = key;
        this.description = description;
        this.defaultPort = defaultPort;
    }

    String description() {
        return description;
    }

    int defaultPort() {
        return defaultPort;
    }

    String flag() {
        return "--" + key + "-port";
    }

    String environmentVariable() {
        return "TRIBUTARY_" + key.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT";
    }
}
