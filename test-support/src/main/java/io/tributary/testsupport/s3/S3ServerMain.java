package io.tributary.testsupport.s3;

import io.tributary.testsupport.ServerProcess;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local stack's object storage as a process: {@code java -cp ... io.tributary.testsupport.s3.S3ServerMain
 * --port 9000 --data-dir DIR --access-key K --secret-key S --bucket tributary}.
 *
 * <p>Creates the bucket if it is missing, prints exactly {@code S3 READY http://127.0.0.1:<port>} on standard output,
 * and stops cleanly on SIGTERM. See {@link ServerProcess} for the exit codes.
 */
public final class S3ServerMain {
    private S3ServerMain() {
    }

    public static void main(String[] args) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("--port", "9000");
        defaults.put("--data-dir", ".tributary/s3");
        defaults.put("--access-key", "minioadmin");
        defaults.put("--secret-key", "minioadmin");
        defaults.put("--bucket", "tributary");
        ServerProcess.serve("s3", args, defaults, options -> {
            EmbeddedS3 s3 = EmbeddedS3.start(Path.of(options.text("--data-dir")), options.port("--port"),
                    options.text("--access-key"), options.text("--secret-key"));
            try {
                s3.createBucket(options.text("--bucket"));
            } catch (RuntimeException e) {
                s3.close();
                throw e;
            }
            return new ServerProcess.Started(s3, "S3 READY " + s3.endpoint());
        });
    }
}
