package io.tributary.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the local stack and stops it: Kafka, then the S3 server, then auth-service, then the four other
 * services together; stops in the reverse order (services, S3, Kafka). Every child is started from the
 * calling thread, which must then stay alive as long as the stack (see {@link ChildProcess}).
 */
final class StackLauncher {

    static final String BUCKET = "tributary";
    static final String REGION = "us-east-1";
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final String KAFKA_MAIN = "io.tributary.testsupport.kafka.KafkaBrokerMain";
    private static final String S3_MAIN = "io.tributary.testsupport.s3.S3ServerMain";

    private static final String KAFKA = "kafka";
    private static final String S3 = "s3";

    private final StackLayout layout;
    private final PrintStream console;
    private final ExtraJvmFlags extraJvmFlags;
    private final HealthWait healthWait = new HealthWait();
    private final Object lock = new Object();
    private final List<ChildProcess> infrastructure = new ArrayList<>(); // guarded by lock: Kafka, S3
    private final List<ChildProcess> services = new ArrayList<>(); // guarded by lock
    private boolean stopping; // guarded by lock
    private StackFacts facts; // guarded by lock

    StackLauncher(StackLayout layout, PrintStream console) {
        this(layout, ExtraJvmFlags.NONE, console);
    }

    StackLauncher(StackLayout layout, ExtraJvmFlags extraJvmFlags, PrintStream console) {
        this.layout = layout;
        this.extraJvmFlags = extraJvmFlags;
        this.console = console;
    }

    /** The short names of the stack's processes, as {@link ExtraJvmFlags} knows them. */
    static List<String> processNames() {
        List<String> names = new ArrayList<>(List.of(KAFKA, S3));
        for (StackService service : StackService.values()) {
            names.add(service.shortName());
        }
        return names;
    }

    /** @throws StackException with a message fit for the person at the terminal */
    StackFacts start() {
        requireBuilt();
        PortCheck.requireFree(layout.ports());
        createDirectories();
        markPreviousRunStopped();
        StackSecrets secrets = StackSecrets.loadOrCreate(layout.secretsFile());
        Duration timeout = layout.startTimeout();

        int kafkaPort = layout.port(StackPort.KAFKA);
        ChildProcess kafka = startChild(KAFKA, javaClass(KAFKA, "-Xmx512m", KAFKA_MAIN,
                "--port", String.valueOf(kafkaPort),
                "--controller-port", String.valueOf(layout.port(StackPort.KAFKA_CONTROLLER)),
                "--data-dir", layout.kafkaDir().toString()), Map.of(), "KAFKA READY 127.0.0.1:" + kafkaPort,
                infrastructure);

        // started while the broker starts: neither needs the other, and the services wait for both
        int s3Port = layout.port(StackPort.S3);
        ChildProcess s3 = startChild(S3, javaClass(S3, "-Xmx256m", S3_MAIN,
                "--port", String.valueOf(s3Port),
                "--data-dir", layout.s3Dir().toString(),
                "--access-key", secrets.s3AccessKey(),
                "--secret-key", secrets.s3SecretKey(),
                "--bucket", BUCKET), Map.of(), "S3 READY http://127.0.0.1:" + s3Port, infrastructure);
        kafka.awaitReadyLine(timeout);
        s3.awaitReadyLine(timeout);

        // auth first: ingest asks it about every publish
        awaitReady(StackService.AUTH, startService(StackService.AUTH, secrets), timeout);
        Map<StackService, ChildProcess> workers = new LinkedHashMap<>();
        for (StackService service : StackService.values()) {
            if (service != StackService.AUTH) {
                workers.put(service, startService(service, secrets));
            }
        }
        workers.forEach((service, child) -> awaitReady(service, child, timeout));

        // auth-service registered the demo key at start-up (it is ready only after that), so a first push
        // needs no set-up: print where to push and where to watch
        String playback = playbackBaseUrl();
        StackFacts up = StackFacts.of(layout, secrets, BUCKET, REGION).withDemo(new StackFacts.Demo(DEMO_CHANNEL,
                secrets.demoStreamKey(),
                playback + "/live/" + DEMO_CHANNEL + "/master.m3u8",
                playback + "/live/" + DEMO_CHANNEL + "/manifest.mpd",
                playback + "/thumbnails/" + DEMO_CHANNEL + "/latest.jpg"));
        up.write(layout.factsFile());
        synchronized (lock) {
            facts = up;
            for (ChildProcess child : allChildren()) {
                child.onExit().thenRun(() -> exitedUnexpectedly(child));
            }
        }
        new LivenessWatch(up.services(), LivenessWatch.INTERVAL, this::notLive).start();
        console.print(up.describe(layout.factsFile(), layout.logsDir()));
        return up;
    }

    /** Stops every child: services first, then S3, then Kafka. Idempotent; safe from a shutdown hook. */
    void stop() {
        List<ChildProcess> stopServices;
        List<ChildProcess> stopInfrastructure;
        StackFacts upFacts;
        synchronized (lock) {
            if (stopping) {
                return;
            }
            stopping = true;
            stopServices = List.copyOf(services);
            stopInfrastructure = new ArrayList<>(infrastructure);
            upFacts = facts;
        }
        if (stopServices.isEmpty() && stopInfrastructure.isEmpty()) {
            return;
        }
        console.println("[tributary] stopping");
        stopServices.forEach(ChildProcess::requestStop); // together: they do not need each other to stop
        stopServices.forEach(child -> child.awaitStopped(STOP_GRACE, console));
        Collections.reverse(stopInfrastructure); // S3, then Kafka
        for (ChildProcess child : stopInfrastructure) {
            child.requestStop();
            child.awaitStopped(STOP_GRACE, console);
        }
        if (upFacts != null) {
            upFacts.stopped().write(layout.factsFile());
        }
        console.println("[tributary] stopped");
    }

    private ChildProcess startService(StackService service, StackSecrets secrets) {
        List<String> java = new ArrayList<>(List.of(javaBinary(), service.maxHeap(), StackService.GARBAGE_COLLECTOR,
                StackService.EXIT_ON_OUT_OF_MEMORY, StackService.COMMON_POOL_PARALLELISM, StackService.NIO_BUFFER_CACHE,
                "-Dorg.bytedeco.javacpp.cachedir=" + layout.javacppCacheDir()));
        java.addAll(extraJvmFlags.of(service.shortName()));
        java.addAll(List.of("-jar", service.runnableJar(layout.root()).toString()));
        List<String> command = CpuPriority.command(java, service.background(), CpuPriority.nice());
        return startChild(service.shortName(), command, serviceEnvironment(service, secrets), null, services);
    }

    private void awaitReady(StackService service, ChildProcess child, Duration timeout) {
        List<ChildProcess> needed;
        synchronized (lock) {
            needed = allChildren();
        }
        healthWait.awaitReady(child, layout.port(service.port()), Instant.now().plus(timeout), needed);
        console.println("[tributary] " + service.shortName() + " is ready on http://127.0.0.1:"
                + layout.port(service.port()));
    }

    /** The channel auth-service makes for the demo key (its {@code tributary.auth.demo.channel} default). */
    static final String DEMO_CHANNEL = "demo";

    /** Where players fetch from: the S3 server's public prefixes, path-style. */
    private String playbackBaseUrl() {
        return "http://127.0.0.1:" + layout.port(StackPort.S3) + "/" + BUCKET;
    }

    /** The settings each service reads from its environment (see its {@code @ConfigMapping} interfaces). */
    Map<String, String> serviceEnvironment(StackService service, StackSecrets secrets) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TRIBUTARY_KAFKA", "127.0.0.1:" + layout.port(StackPort.KAFKA));
        env.put("QUARKUS_HTTP_PORT", String.valueOf(layout.port(service.port())));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        if (service.usesObjectStorage()) {
            env.put("TRIBUTARY_S3_ENDPOINT", "http://127.0.0.1:" + layout.port(StackPort.S3));
            env.put("TRIBUTARY_S3_ACCESS_KEY", secrets.s3AccessKey());
            env.put("TRIBUTARY_S3_SECRET_KEY", secrets.s3SecretKey());
            env.put("TRIBUTARY_S3_BUCKET", BUCKET);
            env.put("TRIBUTARY_S3_REGION", REGION);
        }
        if (service == StackService.INGEST) {
            env.put("TRIBUTARY_INGEST_RTMP_PORT", String.valueOf(layout.port(StackPort.RTMP)));
            env.put("TRIBUTARY_INGEST_RTMPS_PORT", String.valueOf(layout.port(StackPort.RTMPS)));
            env.put("TRIBUTARY_INGEST_AUTH_URL", "http://127.0.0.1:" + layout.port(StackPort.AUTH));
            env.put("TRIBUTARY_INGEST_PLAYBACK_BASE_URL", playbackBaseUrl());
            // RTMPS with a self-signed certificate made by the ingest (keytool) on first start and kept with the data
            env.put("TRIBUTARY_INGEST_TLS_KEYSTORE_PATH", layout.dataDir().resolve("tls").resolve("rtmps.p12").toString());
            env.put("TRIBUTARY_INGEST_TLS_GENERATE_SELF_SIGNED", "true");
            // the ingest asks auth-service for publish decisions with the admin token
            env.put("TRIBUTARY_AUTH_ADMIN_TOKEN", secrets.adminToken());
        }
        if (service == StackService.AUTH) {
            env.put("TRIBUTARY_AUTH_ADMIN_TOKEN", secrets.adminToken());
            env.put("TRIBUTARY_AUTH_DEMO_KEY", secrets.demoStreamKey());
        }
        return env;
    }

    private ChildProcess startChild(String name, List<String> command, Map<String, String> env, String readyText,
            List<ChildProcess> group) {
        synchronized (lock) {
            if (stopping) {
                throw new StackException("stopping; " + name + " not started");
            }
            console.println("[tributary] starting " + name);
            ChildProcess child = ChildProcess.start(name, command, env, layout.root(),
                    layout.logsDir().resolve(name + ".log"), readyText, console);
            group.add(child);
            return child;
        }
    }

    private List<ChildProcess> allChildren() {
        List<ChildProcess> all = new ArrayList<>(infrastructure);
        all.addAll(services);
        return all;
    }

    /** A child that ends while the stack runs takes the stack down: a half stack only confuses. */
    private void exitedUnexpectedly(ChildProcess child) {
        stopLoudly(child.name() + " exited unexpectedly; stopping the stack"
                + child.lastLines().replace("\n", "\n[tributary] "));
    }

    /** A service up but not live (its consumer loop died): stopped loudly, as one that exited. */
    private void notLive(String service, String answer) {
        stopLoudly(service + " is not live (" + answer + "); stopping the stack");
    }

    /** Exits the launcher (its shutdown hook stops the stack) unless it is stopping already. */
    private void stopLoudly(String why) {
        synchronized (lock) {
            if (stopping) {
                return;
            }
        }
        console.println("[tributary] " + why);
        Thread exit = new Thread(() -> System.exit(1), "tributary-exit");
        exit.start();
    }

    private List<String> javaClass(String process, String maxHeap, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), maxHeap, StackService.GARBAGE_COLLECTOR,
                StackService.NIO_BUFFER_CACHE));
        command.addAll(extraJvmFlags.of(process));
        command.addAll(List.of("-cp", layout.libDir().resolve("*").toString(), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void requireBuilt() {
        List<String> missing = new ArrayList<>();
        if (!Files.isDirectory(layout.libDir())) {
            missing.add(layout.libDir().toString());
        }
        for (StackService service : StackService.values()) {
            Path jar = service.runnableJar(layout.root());
            if (!Files.isRegularFile(jar)) {
                missing.add(jar.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new StackException("not built yet (missing " + String.join(", ", missing)
                    + "): run ./tributary up without --no-build, or mvn -DskipTests install at the root");
        }
    }

    private void createDirectories() {
        try {
            for (Path dir : List.of(layout.kafkaDir(), layout.s3Dir(), layout.logsDir(), layout.javacppCacheDir())) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new StackException("cannot create " + layout.dataDir() + ": " + e.getMessage(), e);
        }
    }

    /** A stack.json left by a run that was killed must not tell a script that waits for it that we are up. */
    private void markPreviousRunStopped() {
        Path file = layout.factsFile();
        if (!Files.exists(file)) {
            return;
        }
        try {
            StackFacts previous = StackFacts.read(file);
            if (previous.running()) {
                previous.stopped().write(file);
            }
        } catch (IOException e) {
            throw new StackException(file + " is unreadable (" + e.getMessage() + "); delete it", e);
        }
    }
}
