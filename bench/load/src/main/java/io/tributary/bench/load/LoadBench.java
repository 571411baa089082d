package io.tributary.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The load run: a stack (ours or a running one), the source clip, then either a fixed number of publishers that
 * ramp, hold and stop, or a ramp that adds publishers step by step until the {@link RampCriterion} fails. Writes
 * report.md and report.json; everything it starts, it stops. Only loopback addresses are ever contacted.
 */
public final class LoadBench {

    private static final int IDLE_SECONDS = 10;
    /** Each pass of the file-write calibration, MiB: far above a syscall's fixed cost, ~1 s of CPU on the VM. */
    private static final int FILE_WRITE_MIB = 256;
    /** How long the end phase may wait for the archives of the run's sessions. */
    private static final long END_PHASE_LIMIT_MILLIS = 180_000;

    private LoadBench() {
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        if (args.length == 2 && args[0].equals("--summarize-jfr")) {
            System.out.print(JfrSummary.summarize(Path.of(args[1])));
            return;
        }
        Path repo = Path.of(System.getProperty("bench.repo", "../..")).toAbsolutePath().normalize();
        BenchOptions options = BenchOptions.parse(Arrays.asList(args), repo);
        Files.createDirectories(options.out());
        startWatchdog(options);
        log("clip " + options.clip());
        SourceClip clip = SourceClip.make(options.clip(), 60, LoadSession.GOP_SECONDS, "3M");
        log(String.format("clip: %d tags, %.1f s, %d kB/s", clip.media().size(), clip.loopMillis() / 1000.0,
                clip.bytesPerSecond() / 1000));
        RunReport report = new RunReport(Machine.describe(options.repo()), options.describe());
        report.fileWriteCost(calibrateFileWrites("before the stack started"));
        StackProcess own = null;
        Path dataDir = null;
        try {
            Path stackJson = options.stackJson();
            if (stackJson == null) {
                dataDir = Files.createTempDirectory("tributary-load-");
                log("starting a stack in " + dataDir + " (logs there)");
                own = StackProcess.start(options.root(), dataDir, ownStackEnvironment(options), 300_000);
                stackJson = own.stackJson();
            }
            StackEndpoints stack = StackEndpoints.read(stackJson);
            try (LoadSession session = new LoadSession(options, stack, clip)) {
                log("idle for " + IDLE_SECONDS + " s (each process's CPU with no publisher)");
                session.measureIdle(IDLE_SECONDS);
                report.idle(session.idleCpuPerSecond());
                if (options.mode().equals("fixed")) {
                    report.liveHeapIdle(LiveHeap.measure(session.launcherPid()));
                    fixed(options, session, report);
                } else {
                    ramp(options, session, report);
                }
                report.startups(session.startups());
                log("stopping the publishers; waiting for every session's archive (at most "
                        + END_PHASE_LIMIT_MILLIS / 1000 + " s)");
                EndPhase end = session.endSessions(END_PHASE_LIMIT_MILLIS);
                log(String.format(Locale.ROOT, "%d of %d sessions archived, %.1f s after the stop",
                        end.archived(), end.sessions(), end.seconds()));
                report.endPhase(end);
                report.finalSample(session.sampleNow());
                report.fileWriteCost(calibrateFileWrites("after the end phase"));
            }
        } finally {
            // a stack that ended by itself (a service out of heap, one not live) keeps its logs: the run measured
            // nothing, and the launcher's last lines say why
            boolean diedByItself = own != null && !own.alive();
            if (own != null) {
                log("stopping the stack");
                own.close();
            }
            if (diedByItself) {
                log("the stack had stopped by itself before the end of the run; its logs are kept in " + dataDir
                        + " (launcher.log, logs/)");
            } else if (dataDir != null && !options.keepData()) {
                deleteTree(dataDir);
            }
        }
        report.write(options.out());
        log("report: " + options.out().resolve("report.md"));
        System.out.println(Files.readString(options.out().resolve("report.md")));
    }

    private static void fixed(BenchOptions options, LoadSession session, RunReport report) throws Exception {
        log("starting " + options.streams() + " publishers over " + options.rampSeconds() + " s");
        session.addPublishers(options.streams(), options.rampSeconds() * 1000L);
        PlayerWatch player = options.player() ? startPlayer(session, options) : null;
        try {
            Thread.sleep(options.warmupSeconds() * 1000L);
            hold(options, session, report, player);
        } finally {
            if (player != null) {
                player.close();
            }
        }
    }

    private static void hold(BenchOptions options, LoadSession session, RunReport report, PlayerWatch player)
            throws Exception {
        if (options.profile()) {
            // jcmd before the window: its start-up is the generator's CPU (a reaped child), not the window's
            startRecordingChunks(session, options);
            report.note("JFR recorded every JVM of the stack from its start (--profile: " + RECORDING_OPTION
                    + "): ingest and transcode use ~30 % more CPU than without (session 8), so this run's CPU figures"
                    + " are not the stack's, nor its memory");
        }
        session.startWindow();
        TranscodeTimers.Reading timersFrom = session.transcodeTimers();
        ResourceSampler.Sample from = session.sampleNow();
        log("holding " + options.holdSeconds() + " s");
        if (options.straceSeconds() > 0) {
            countSyscalls(session, options, report);
        }
        Thread.sleep(Math.max(0, options.holdSeconds() * 1000L - (System.currentTimeMillis() - from.epochMillis())));
        ResourceSampler.Sample to = session.sampleNow();
        report.hold(session.measure(from, to));
        String stages = TranscodeTimers.describe(timersFrom, session.transcodeTimers());
        // after the window and its timers: each histogram is a full collection of its JVM
        report.liveHeapHold(LiveHeap.measure(session.launcherPid()));
        if (stages != null) {
            log(stages);
            report.note(stages);
        }
        if (player != null) {
            PlayerWatch.Result seen = player.result(from.epochMillis(), to.epochMillis());
            log(seen.describe());
            report.note(seen.describe());
        }
        if (options.profile()) {
            for (Map.Entry<String, Path> recording : dumpRecordings(session, options).entrySet()) {
                summarise(recording.getKey(), recording.getValue(), report);
            }
        }
    }

    /** The player on the first publisher's channel, started with the warm-up so it is at the live edge by the hold. */
    private static PlayerWatch startPlayer(LoadSession session, BenchOptions options) throws Exception {
        String channel = session.statuses().get(0).channel();
        log("player: headless Chromium plays " + channel + " with hls.js");
        return PlayerWatch.start(session.statusPage(), channel, options.out().resolve("chromium.log"));
    }

    private static void ramp(BenchOptions options, LoadSession session, RunReport report) throws Exception {
        Integer sustained = null;
        Set<String> renditions = new TreeSet<>(Set.of("source"));
        int rampSeconds = Math.min(10, options.stepSeconds() / 4);
        int settleSeconds = LoadSession.GOP_SECONDS * 5; // the new streams' first GOPs are through
        int windowSeconds = options.stepSeconds() - rampSeconds - settleSeconds;
        if (windowSeconds < 10) {
            throw new IllegalArgumentException("--step-seconds too short for a measured window");
        }
        while (session.streams() < options.rampMax()) {
            int add = session.streams() == 0 ? options.rampStart()
                    : Math.min(options.rampStep(), options.rampMax() - session.streams());
            log("step: " + session.streams() + " -> " + (session.streams() + add) + " publishers");
            boolean first = session.streams() == 0;
            session.addPublishers(add, rampSeconds * 1000L);
            Thread.sleep((first ? Math.max(settleSeconds, options.warmupSeconds()) : settleSeconds) * 1000L);
            session.startWindow();
            ResourceSampler.Sample from = session.sampleNow();
            Thread.sleep(windowSeconds * 1000L);
            WindowResult window = session.measure(from, session.sampleNow());
            window.segmentsByRendition().keySet().stream().filter(r -> !r.equals(WindowResult.ALL))
                    .forEach(renditions::add);
            Map<String, Long> backlog = session.backgroundBacklog();
            List<String> failures = new ArrayList<>(RampCriterion.failures(window, renditions));
            failures.addAll(RampCriterion.backlogFailures(backlog, window.streams()));
            report.step(window, failures, backlog);
            Percentiles all = window.latencyByRendition().getOrDefault(WindowResult.ALL, Percentiles.EMPTY);
            log(String.format("  %d streams: p50 %d ms, p99 %d ms, load %s -> %s", window.streams(), all.p50(),
                    all.p99(), window.loadAverage(), failures.isEmpty() ? "sustained" : String.join("; ", failures)));
            if (!failures.isEmpty()) {
                break;
            }
            sustained = window.streams();
        }
        report.maxSustained(sustained);
    }

    /**
     * The recording every JVM of an own stack runs with {@code --profile}, from its start. Not one started by
     * {@code jcmd JFR.start} when the hold begins: attached to a running JVM, a recording made ingest 2.2× and
     * transcode 2.8× as costly in the window, and the S3 server 3.5× (MD5's round functions ran interpreted under it;
     * session 8, bench/load/README.md), so its profile described a different process.
     */
    static final String RECORDING_OPTION = "-XX:StartFlightRecording=name=load-bench,settings=profile";

    private static final List<String> PROFILED = List.of("ingest", "transcode");

    /**
     * Starts a new chunk of ingest's and transcode's recordings as the hold begins, so that {@link #dumpRecordings}
     * holds about the hold only (a dump keeps whole chunks; a dump also starts a new one: this one is thrown away).
     */
    private static void startRecordingChunks(LoadSession session, BenchOptions options) throws Exception {
        Map<String, Long> roles = StackRoles.find(session.launcherPid());
        for (String role : PROFILED) {
            if (roles.containsKey(role)) {
                Path scratch = options.out().resolve(role + "-before-hold.jfr").toAbsolutePath();
                jfrDump(roles.get(role), "begin=-1s", scratch);
                Files.deleteIfExists(scratch);
            }
        }
    }

    /** ingest's and transcode's recordings of the hold just ended, by role. */
    private static Map<String, Path> dumpRecordings(LoadSession session, BenchOptions options) throws Exception {
        Map<String, Path> recordings = new LinkedHashMap<>();
        Map<String, Long> roles = StackRoles.find(session.launcherPid());
        for (String role : PROFILED) {
            if (roles.containsKey(role)) {
                Path file = options.out().resolve(role + ".jfr").toAbsolutePath();
                log("JFR of " + role + " (" + roles.get(role) + "): "
                        + jfrDump(roles.get(role), "begin=-" + options.holdSeconds() + "s", file));
                recordings.put(role, file);
            }
        }
        return recordings;
    }

    /**
     * Measures the machine's file-write cost where the stack's data goes ({@code java.io.tmpdir}); null, and a log
     * line, when it cannot.
     */
    private static FileWriteCost calibrateFileWrites(String when) {
        try {
            FileWriteCost cost = FileWriteCost.measure(Path.of(System.getProperty("java.io.tmpdir")), FILE_WRITE_MIB,
                    when);
            log(String.format(Locale.ROOT, "file writes %s: %.2f ms CPU per MB into fresh pages, %.2f over cached ones",
                    when, cost.freshMillisPerMb(), cost.cachedMillisPerMb()));
            return cost;
        } catch (IOException | RuntimeException e) {
            log("file writes not calibrated: " + e);
            return null;
        }
    }

    /** {@code jcmd <pid> JFR.dump name=load-bench <begin> filename=<file>}; returns what jcmd said, on one line. */
    private static String jfrDump(long pid, String begin, Path file) throws Exception {
        return Jcmd.run(pid, "JFR.dump", "name=load-bench", begin, "filename=" + file).trim().replaceAll("\\s+", " ");
    }

    /**
     * {@code strace -c -f} on ingest and transcode for a while, one after the other: syscalls by count and time.
     * ptrace slows the traced process several-fold, so a run with this measures no CPU or latency worth keeping.
     */
    private static void countSyscalls(LoadSession session, BenchOptions options, RunReport report) throws Exception {
        report.note("strace was attached for " + options.straceSeconds() + " s to ingest and to transcode during the hold:"
                + " this run's CPU and latency figures are not representative");
        Map<String, Long> roles = StackRoles.find(session.launcherPid());
        for (String role : List.of("ingest", "transcode")) {
            Long pid = roles.get(role);
            if (pid == null) {
                continue;
            }
            Path file = options.out().resolve(role + ".strace").toAbsolutePath();
            Process strace = new ProcessBuilder("timeout", "-s", "INT", Integer.toString(options.straceSeconds()),
                    "strace", "-c", "-f", "-p", pid.toString(), "-o", file.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            strace.waitFor(options.straceSeconds() + 30L, TimeUnit.SECONDS);
            String table = Files.isRegularFile(file) ? Files.readString(file) : "(no output)";
            report.profile(role + " syscalls (strace -c -f, " + options.straceSeconds() + " s, "
                    + session.streams() + " streams)", "```\n" + table.strip() + "\n```\n");
        }
    }

    private static void summarise(String role, Path file, RunReport report) {
        try {
            String summary = JfrSummary.summarize(file);
            report.profile(role, "Recording: `" + file.getFileName() + "`\n\n" + summary);
        } catch (IOException e) {
            report.note("JFR recording of " + role + " not readable: " + e.getMessage());
        }
    }

    /**
     * Ends the run, whatever it is waiting for, well after it should have ended: a load run is bounded in time. The
     * exit runs the shutdown hook that stops our stack.
     */
    private static void startWatchdog(BenchOptions options) {
        long runSeconds = options.mode().equals("fixed")
                ? IDLE_SECONDS + options.rampSeconds() + options.warmupSeconds() + options.holdSeconds()
                : IDLE_SECONDS + options.warmupSeconds()
                        + (long) (options.rampMax() / Math.max(1, options.rampStep()) + 1) * options.stepSeconds();
        long limitMillis = (runSeconds + 15 * 60) * 1000L; // + clip, stack start and stop, JFR dumps
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(limitMillis);
                System.err.println("[load] still running after " + limitMillis / 60_000 + " min: stopping");
                System.exit(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static Map<String, String> ownStackEnvironment(BenchOptions options) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TRIBUTARY_TRANSCODE_LADDER_ENABLED", Boolean.toString(options.ladder()));
        env.put("TRIBUTARY_ARCHIVE_ENCODER_MODE", options.archiveMode());
        env.putAll(options.stackEnv());
        if (options.profile()) {
            env.merge("JAVA_TOOL_OPTIONS", RECORDING_OPTION, (given, recording) -> given + " " + recording);
        }
        return env;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static void log(String line) {
        System.out.println("[load] " + LocalTime.now().withNano(0) + " " + line);
    }
}
