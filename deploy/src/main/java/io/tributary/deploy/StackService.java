package io.tributary.deploy;

import java.nio.file.Path;

/** The five Quarkus services of the local stack, in start order: auth first, since ingest asks it about every publish. */
enum StackService {
    AUTH("auth", "auth-service", StackPort.AUTH),
    INGEST("ingest", "ingest-service", StackPort.INGEST),
    TRANSCODE("transcode", "transcode-service", StackPort.TRANSCODE),
    THUMBNAIL("thumbnail", "thumbnail-service", StackPort.THUMBNAIL),
    ARCHIVE("archive", "archive-service", StackPort.ARCHIVE);

    private final String shortName;
    private final String module;
    private final StackPort port;

    StackService(String shortName, String module, StackPort port) {
        this.shortName = shortName;
        this.module = module;
        this.port = port;
    }

    /** The log prefix and log file name: {@code [auth]}, {@code .tributary/logs/auth.log}. */
    String shortName() {
        return shortName;
    }

    String module() {
        return module;
    }

    StackPort port() {
        return port;
    }

    /**
     * Whether the service needs the {@code tributary.s3.*} settings: the workers write to object storage, and
     * auth-service signs the status page's archive download links with the same credentials.
     */
    boolean usesObjectStorage() {
        return this == AUTH || this == TRANSCODE || this == THUMBNAIL || this == ARCHIVE;
    }

    /** The Quarkus fast-jar launcher that {@code mvn package} leaves in the module. */
    Path runnableJar(Path root) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
