package io.tributary.ingest.connection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Makes a self-signed PKCS#12 keystore for RTMPS with the JDK's own {@code keytool} (RSA 2048, ten years,
 * CN=localhost with subject alternative names localhost and 127.0.0.1), so that the local stack and tests have
 * RTMPS without shipping a key. Encoders that publish to a local test server do not check the certificate (ffmpeg
 * verifies nothing unless asked; OBS accepts it). Never for production: there the keystore is mounted.
 *
 * <p>Runs once at start-up, on the start-up thread (it waits for a child process).
 */
final class SelfSignedKeystore {

    private static final Logger LOG = Logger.getLogger(SelfSignedKeystore.class);
    private static final String ALIAS = "tributary-ingest";

    private SelfSignedKeystore() {
    }

    /** Creates the keystore at {@code path} (written aside, then moved, so a crash leaves no half-written file). */
    static void create(Path path, String password) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path partial = path.resolveSibling(path.getFileName() + ".partial");
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.deleteIfExists(partial);
            Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-noprompt",
                    "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-storetype", "PKCS12", "-keystore", partial.toString(),
                    "-storepass", password, "-keypass", password))
                    .redirectErrorStream(true)
                    .start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool could not make a self-signed keystore: "
                        + new String(output).strip());
            }
            Files.move(partial, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LOG.infof("made a self-signed RTMPS keystore at %s (CN=localhost): for local use only", path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a self-signed keystore at " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a self-signed keystore", e);
        }
    }
}
