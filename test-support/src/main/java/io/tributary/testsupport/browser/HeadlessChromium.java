package io.tributary.testsupport.browser;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A headless Chromium for one test or benchmark run: started with a fresh profile directory and the DevTools protocol on a port the
 * browser picks ({@code --remote-debugging-port=0}), whose WebSocket address it prints on stderr as
 * {@code DevTools listening on ws://...}. {@link #close()} kills it and deletes the profile.
 */
public final class HeadlessChromium implements AutoCloseable {
    /** Debian's package; it is built with the proprietary codecs (H.264, AAC) that MSE playback needs. */
    public static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final String LISTENING = "DevTools listening on ";

    private final Process process;
    private final Path profile;
    private final URI devToolsUrl;

    private HeadlessChromium(Process process, Path profile, URI devToolsUrl) {
        this.process = process;
        this.profile = profile;
        this.devToolsUrl = devToolsUrl;
    }

    public static boolean isInstalled() {
        return Files.isExecutable(BINARY);
    }

    /**
     * @param log where the browser's stderr goes once its DevTools address has been read
     */
    public static HeadlessChromium start(Path log, Duration timeout) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("tributary-chromium-");
        List<String> command = new ArrayList<>(List.of(BINARY.toString(),
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--mute-audio",
                "--autoplay-policy=no-user-gesture-required", "--remote-debugging-port=0",
                "--window-size=1280,900", "--user-data-dir=" + profile, "about:blank"));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<URI> address = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(process, log, address), "chromium-stderr");
        pump.setDaemon(true);
        pump.start();
        try {
            return new HeadlessChromium(process, profile, address.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            deleteProfile(profile);
            throw new AssertionError("chromium printed no DevTools address within " + timeout + "; see " + log, e);
        } catch (InterruptedException e) {
            // nobody will close a browser they never got
            process.destroyForcibly();
            deleteProfile(profile);
            throw e;
        }
    }

    /** The browser-level DevTools WebSocket. */
    public URI devToolsUrl() {
        return devToolsUrl;
    }

    private static void pump(Process process, Path log, CompletableFuture<URI> address) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8));
             BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                int at = line.indexOf(LISTENING);
                if (at >= 0) {
                    address.complete(URI.create(line.substring(at + LISTENING.length()).trim()));
                }
                out.write(line);
                out.newLine();
                out.flush();
            }
            address.completeExceptionally(new IOException("chromium closed stderr"));
        } catch (IOException e) {
            // the browser was killed mid-line, or the log is unwritable: either way nothing more to read
            address.completeExceptionally(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        deleteProfile(profile);
    }

    private static void deleteProfile(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a file chromium was still writing as it died; the temp directory is the OS's to clean
        }
    }
}
