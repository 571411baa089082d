package io.tributary.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** report.json (everything) and report.md (the same for people) of one run. */
final class RunReport {

    /** One ramp step: its window and the criterion's verdict. */
    record Step(WindowResult window, List<String> failures, Map<String, Long> backgroundBacklog) {
    }

    private final Map<String, Object> machine;
    private final Map<String, Object> parameters;
    private final String startedAt = Instant.now().toString();
    private final String loadAtStart = Machine.loadAverage();
    private String loadAtEnd = "";
    private Map<String, Double> idleCpuPerSecond = Map.of();
    private Map<String, Long> hwmKb = Map.of();
    private final List<FileWriteCost> fileWriteCosts = new ArrayList<>();
    private List<StartupResult> startups = List.of();
    private WindowResult hold;
    private EndPhase endPhase;
    private Map<String, Long> liveHeapIdle = Map.of();
    private Map<String, Long> liveHeapHold = Map.of();
    private final List<Step> steps = new ArrayList<>();
    private Integer maxSustained;
    private final Map<String, String> profiles = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    RunReport(Map<String, Object> machine, Map<String, Object> parameters) {
        this.machine = machine;
        this.parameters = parameters;
    }

    void idle(Map<String, Double> cpuPerSecond) {
        idleCpuPerSecond = cpuPerSecond;
    }

    void hold(WindowResult window) {
        hold = window;
    }

    /** Live heap bytes by role with no publisher ({@link LiveHeap}), taken before the publishers start. */
    void liveHeapIdle(Map<String, Long> bytesByRole) {
        liveHeapIdle = bytesByRole;
    }

    /** Live heap bytes by role at the end of the hold, taken after its window was measured. */
    void liveHeapHold(Map<String, Long> bytesByRole) {
        liveHeapHold = bytesByRole;
    }

    void endPhase(EndPhase end) {
        endPhase = end;
    }

    void step(WindowResult window, List<String> failures, Map<String, Long> backgroundBacklog) {
        steps.add(new Step(window, failures, backgroundBacklog));
    }

    void maxSustained(Integer streams) {
        maxSustained = streams;
    }

    void startups(List<StartupResult> results) {
        startups = results;
    }

    void finalSample(ResourceSampler.Sample sample) {
        Map<String, Long> hwm = new LinkedHashMap<>();
        sample.roles().forEach((role, r) -> hwm.put(role, r.hwmKb()));
        hwmKb = hwm;
        loadAtEnd = Machine.loadAverage();
    }

    /** One calibration of the machine's file writes; null (it failed) is left out. */
    void fileWriteCost(FileWriteCost cost) {
        if (cost != null) {
            fileWriteCosts.add(cost);
        }
    }

    /**
     * The stack's file writes read with the machine's calibration: on a VM whose freed memory goes back to its host,
     * writes into fresh pages are a large part of the storage roles' CPU, and say more about the host than the code.
     */
    private void fileWrites(StringBuilder md, WindowResult w) {
        Double stack = w.fileWriteMbPerStreamMinute().get(WindowResult.WHOLE_STACK);
        Double stackCpu = w.cpuPerStreamMinute().get(WindowResult.WHOLE_STACK);
        if (fileWriteCosts.isEmpty() || stack == null || stackCpu == null || stackCpu <= 0) {
            return;
        }
        double fresh = fileWriteCosts.stream().mapToDouble(FileWriteCost::freshMillisPerMb).max().orElseThrow();
        double cached = fileWriteCosts.stream().mapToDouble(FileWriteCost::cachedMillisPerMb).min().orElseThrow();
        String calibrations = fileWriteCosts.stream().map(c -> String.format(Locale.ROOT,
                "%s %.2f into fresh pages and %.2f over cached ones", c.when(), c.freshMillisPerMb(),
                c.cachedMillisPerMb())).collect(Collectors.joining("; "));
        md.append(String.format(Locale.ROOT, "%nFile writes: the stack wrote %.1f MB to files per stream-minute. This "
                + "machine's kernel took, in ms of CPU per MB written (%.0f MB each time; FileWriteCost), %s: those "
                + "writes cost between %.3f and %.3f CPU s per stream-minute, %.0f–%.0f %% of the stack's figure.%n",
                stack, fileWriteCosts.get(0).megabytes(), calibrations, stack * cached / 1000, stack * fresh / 1000,
                100 * stack * cached / 1000 / stackCpu, 100 * stack * fresh / 1000 / stackCpu));
    }

    void profile(String role, String summary) {
        profiles.put(role, summary);
    }

    void note(String text) {
        notes.add(text);
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("startedAt", startedAt);
        json.put("machine", machine);
        json.put("loadAverageAtStart", loadAtStart);
        json.put("loadAverageAtEnd", loadAtEnd);
        json.put("parameters", parameters);
        json.put("idleCpuCoresByRole", idleCpuPerSecond);
        json.put("vmHwmKbByRole", hwmKb);
        json.put("fileWriteCosts", fileWriteCosts);
        json.put("startups", startups);
        json.put("startupSummary", startupSummary());
        json.put("hold", hold);
        json.put("rampSteps", steps);
        json.put("startupsByRampStep", startups.isEmpty() ? List.of() : startupsByStep());
        json.put("liveHeapBytesIdle", liveHeapIdle);
        json.put("liveHeapBytesEndOfHold", liveHeapHold);
        json.put("endPhase", endPhase);
        json.put("maxSustainedStreams", maxSustained);
        json.put("profiles", profiles);
        json.put("notes", notes);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("report.json").toFile(), json);
        Files.writeString(dir.resolve("report.md"), markdown());
    }

    private Map<String, Percentiles> startupSummary() {
        return startupSummary(startups);
    }

    private static Map<String, Percentiles> startupSummary(List<StartupResult> results) {
        List<Long> auth = new ArrayList<>();
        List<Long> playable = new ArrayList<>();
        List<Long> firstSegment = new ArrayList<>();
        List<Long> firstLatency = new ArrayList<>();
        for (StartupResult s : results) {
            add(auth, s.authMillis());
            add(playable, s.firstPlayableMillis());
            add(firstSegment, s.firstSegmentMillis());
            add(firstLatency, s.firstSegmentLatencyMillis());
        }
        Map<String, Percentiles> summary = new LinkedHashMap<>();
        summary.put("publishToPublishStart", Percentiles.of(auth));
        summary.put("publishToFirstPlayable", Percentiles.of(playable));
        summary.put("publishToFirstSegmentEvent", Percentiles.of(firstSegment));
        summary.put("firstGopCloseToPlaylist", Percentiles.of(firstLatency));
        return summary;
    }

    /**
     * The start of the channels one ramp step added.
     *
     * @param starts as {@link #startupSummary()} gives it, over those channels only
     */
    record StepStartups(int streams, int channelsStarted, Map<String, Percentiles> starts) {
        Percentiles get(String measure) {
            return starts.getOrDefault(measure, Percentiles.EMPTY);
        }
    }

    /**
     * The start of the channels each ramp step added, by step: those whose publish went out after the previous
     * step's window ended and before this one's did (a step starts its publishers, lets them settle, then measures).
     * The first step starts on a cold stack; the later ones on a warm stack under the earlier steps' load, the case
     * of the first-playable target.
     */
    List<StepStartups> startupsByStep() {
        List<StepStartups> byStep = new ArrayList<>();
        long after = Long.MIN_VALUE;
        for (Step step : steps) {
            long from = after;
            long until = step.window().toEpochMillis();
            List<StartupResult> started = startups.stream()
                    .filter(r -> r.publishSentAt() > from && r.publishSentAt() <= until).toList();
            byStep.add(new StepStartups(step.window().streams(), started.size(), startupSummary(started)));
            after = until;
        }
        return byStep;
    }

    private static void add(List<Long> values, long value) {
        if (value >= 0) {
            values.add(value);
        }
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Tributary load run ").append(startedAt).append("\n\n");
        md.append("## Machine\n\n");
        machine.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("- load average (1/5/15 min): at start ").append(loadAtStart).append(", at end ").append(loadAtEnd)
                .append("\n\n## Parameters\n\n");
        parameters.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append('\n');
        if (!startups.isEmpty()) {
            long never = startups.stream().filter(s -> s.firstPlayableMillis() < 0).count();
            md.append("## Start of each stream (ms from the publish command)\n\n");
            md.append("| measure | n | p50 | p90 | p99 | max |\n| --- | --- | --- | --- | --- | --- |\n");
            startupSummary().forEach((name, p) -> md.append(row(name, p)));
            md.append("\n(firstGopCloseToPlaylist: the first segment's own GOP close → playlist latency, not counted from "
                    + "the publish. A channel is playable once its playlists are stored (publishToFirstSegmentEvent: "
                    + "transcode announces the segment after the multivariant playlist's PUT) ≈ auth + one GOP + that; "
                    + "the watch sees it up to a polling round later (publishToFirstPlayable).)\n");
            md.append("\nChannels never playable: ").append(never).append(" of ").append(startups.size())
                    .append(". Target: first playable within one GOP + 50 ms = ")
                    .append(LoadSession.GOP_SECONDS * 1000 + 50).append(" ms.\n\n");
        }
        if (hold != null) {
            md.append("## Hold: ").append(hold.streams()).append(" streams, ")
                    .append(String.format(Locale.ROOT, "%.0f", hold.seconds())).append(" s\n\n");
            window(md, hold);
            liveHeap(md, hold.streams());
        }
        if (!steps.isEmpty()) {
            md.append("## Ramp\n\n");
            md.append("| streams | p50 ms | p90 ms | p99 ms | max ms | source segs / expected | ingest+transcode "
                    + "CPU s/stream-min | stack CPU s/stream-min | stack peak RSS MB | RSS MB per added stream | archive / thumbnail backlog (records) | generator late p99 ms | load avg | CPU steal | verdict |\n");
            md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
            WindowResult previous = null;
            for (Step s : steps) {
                WindowResult w = s.window();
                String slope = previous == null ? "" : String.format(Locale.ROOT, "%.1f",
                        (stackRssKb(w) - stackRssKb(previous)) / 1024.0 / Math.max(1, w.streams() - previous.streams()));
                previous = w;
                Percentiles all = w.latencyByRendition().getOrDefault(WindowResult.ALL, Percentiles.EMPTY);
                md.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d | %d / %.0f | %.3f | %.3f | %.0f | %s | %s / %s | %d | %s | %.0f %% | %s |%n",
                        w.streams(), all.p50(), all.p90(), all.p99(), all.max(),
                        w.segmentsByRendition().getOrDefault("source", 0), w.segmentsExpectedPerRendition(),
                        w.cpuPerStreamMinute().getOrDefault(WindowResult.INGEST_AND_PACKAGING, 0.0),
                        w.cpuPerStreamMinute().getOrDefault(WindowResult.WHOLE_STACK, 0.0),
                        stackRssKb(w) / 1024.0, slope, s.backgroundBacklog().getOrDefault("archive-service", -1L),
                        s.backgroundBacklog().getOrDefault("thumbnail-service", -1L), w.schedulerLatenessP99Millis(),
                        w.loadAverage(), w.stealShare() * 100,
                        s.failures().isEmpty() ? "sustained" : String.join("; ", s.failures())));
            }
            md.append("\nCPU s per stream-minute by role (gross; the report.json has idle-subtracted figures too):\n\n");
            List<String> roles = new ArrayList<>(steps.get(0).window().cpuPerStreamMinute().keySet());
            md.append("| streams | ").append(String.join(" | ", roles)).append(" |\n|");
            md.append(" --- |".repeat(roles.size() + 1)).append('\n');
            for (Step s : steps) {
                md.append("| ").append(s.window().streams());
                for (String role : roles) {
                    md.append(String.format(Locale.ROOT, " | %.3f", s.window().cpuPerStreamMinute().getOrDefault(role, 0.0)));
                }
                md.append(" |\n");
            }
            if (!startups.isEmpty()) {
                startupsByStep(md);
            }
            md.append("\nLargest sustained: ").append(maxSustained == null ? "none of the steps" : maxSustained + " streams")
                    .append(" (criterion: README.md).\n\n");
        }
        if (endPhase != null) {
            endPhase(md, endPhase);
        }
        profiles.forEach((role, summary) -> md.append("## Profile: ").append(role).append("\n\n").append(summary).append('\n'));
        if (!notes.isEmpty()) {
            md.append("## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    private void startupsByStep(StringBuilder md) {
        md.append("\nStart of the channels each step added, ms (p50; the first step on a cold stack, the later ones "
                + "warm, under the earlier steps' load):\n\n");
        md.append("| streams | channels started | publish → Publish.Start | first segment's GOP close → playlist | "
                + "publish → playlists stored (max) |\n| --- | --- | --- | --- | --- |\n");
        for (StepStartups step : startupsByStep()) {
            Percentiles stored = step.get("publishToFirstSegmentEvent");
            md.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d (%d) |%n", step.streams(),
                    step.channelsStarted(), step.get("publishToPublishStart").p50(),
                    step.get("firstGopCloseToPlaylist").p50(), stored.p50(), stored.max()));
        }
    }

    private void endPhase(StringBuilder md, EndPhase end) {
        Percentiles ready = end.stopToReady();
        md.append("## End of the sessions\n\n");
        md.append(String.format(Locale.ROOT, "%d of %d sessions archived; the publishers' stop → the last archive-ready "
                        + "%.1f s; per session, stream-stopped → archive-ready p50 %d / p90 %d / max %d ms; %.1f minutes "
                        + "of media in all.%n%n", end.archived(), end.sessions(), end.seconds(), ready.p50(), ready.p90(),
                ready.max(), end.mediaMinutes()));
        md.append("| role | CPU s | idle-subtracted | idle-subtracted CPU s per stream-minute of the sessions' media |\n");
        md.append("| --- | --- | --- | --- |\n");
        end.cpuSeconds().forEach((role, cpu) -> md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.3f |%n",
                role, cpu, end.idleSubtracted().getOrDefault(role, 0.0), end.perMediaMinute(role))));
        if (hold != null) {
            double live = hold.marginalPerStreamMinute().getOrDefault(WindowResult.WHOLE_STACK, 0.0);
            double after = end.perMediaMinute(WindowResult.WHOLE_STACK);
            md.append(String.format(Locale.ROOT, "%nA whole session, idle-subtracted: %.3f CPU s per stream-minute live "
                    + "(the hold) + %.3f after it = %.3f. The work after a session is paid per byte of it (the archive's "
                    + "server-side copies), so this holds for longer sessions too.%n", live, after, live + after));
        }
        md.append('\n');
    }

    private void window(StringBuilder md, WindowResult w) {
        md.append("### GOP close at ingest to playlist update (ms, segment-published)\n\n");
        md.append("| rendition | n | expected | p50 | p90 | p99 | max |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        w.latencyByRendition().forEach((rendition, p) -> md.append(String.format(Locale.ROOT,
                "| %s | %d | %.0f | %d | %d | %d | %d |%n", rendition, p.count(),
                rendition.equals(WindowResult.ALL) ? Double.NaN : w.segmentsExpectedPerRendition(),
                p.p50(), p.p90(), p.p99(), p.max())));
        Percentiles g = w.glassToGlass();
        md.append(String.format(Locale.ROOT, "%nGlass-to-glass estimate at hls.js defaults (latency + target/2 + 3 targets):"
                + " p50 %d ms, p90 %d ms, p99 %d ms, max %d ms (n = %d).%n%n", g.p50(), g.p90(), g.p99(), g.max(), g.count()));
        md.append("### CPU and memory per role (process tree)\n\n");
        md.append("| role | CPU s | CPU s / stream-min | idle-subtracted | idle cores | idle RSS MB | peak RSS MB | added MB / stream | VmHWM MB | file MB written / stream-min |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        w.cpuSeconds().forEach((role, cpu) -> md.append(String.format(Locale.ROOT,
                "| %s | %.1f | %.3f | %.3f | %s | %s | %s | %s | %s | %s |%n", role, cpu,
                w.cpuPerStreamMinute().get(role), w.marginalPerStreamMinute().get(role),
                idleCpuPerSecond.containsKey(role) ? String.format(Locale.ROOT, "%.3f", idleCpuPerSecond.get(role)) : "",
                mb(w.idleRssKb().get(role)), mb(w.peakRssKb().get(role)),
                w.addedRssMbPerStream().containsKey(role)
                        ? String.format(Locale.ROOT, "%.2f", w.addedRssMbPerStream().get(role)) : "",
                mb(hwmKb.get(role)),
                w.fileWriteMbPerStreamMinute().containsKey(role)
                        ? String.format(Locale.ROOT, "%.1f", w.fileWriteMbPerStreamMinute().get(role)) : "")));
        fileWrites(md, w);
        md.append(String.format(Locale.ROOT, "%nGenerator: scheduler lateness p50 %d ms, p99 %d ms, max %d ms; "
                        + "publishers failed %d, fell behind %d; largest outbox %d kB; sessions ended by the ingest %d.%n%n",
                w.schedulerLatenessP50Millis(), w.schedulerLatenessP99Millis(), w.schedulerLatenessMaxMillis(),
                w.publishersFailed(), w.publishersBehind(), w.maxOutboxBytes() / 1024, w.abnormalStops()));
        md.append(String.format(Locale.ROOT, "Machine: load average %s at the window's end; the hypervisor took %.0f %% of "
                + "the machine's CPU time in the window (steal: above a few %% the machine is slower than it looks, and "
                + "every figure with it).%n%n", w.loadAverage(), w.stealShare() * 100));
        md.append("### Targets (issue 10)\n\n| target | measured | met |\n| --- | --- | --- |\n");
        Percentiles all = w.latencyByRendition().getOrDefault(WindowResult.ALL, Percentiles.EMPTY);
        target(md, "GOP close to playlist p50 < 25 ms (at 32 streams)", all.p50() + " ms at " + w.streams(), all.p50() < 25);
        target(md, "GOP close to playlist p90 < 40 ms (at 32 streams)", all.p90() + " ms at " + w.streams(), all.p90() < 40);
        // playable when its playlists are stored: transcode sends segment-published after the multivariant playlist's
        // PUT returned; the watch's figure adds its own polling (20 ms rounds) and is shown as the check of it
        Percentiles stored = startupSummary().get("publishToFirstSegmentEvent");
        Percentiles watched = startupSummary().get("publishToFirstPlayable");
        target(md, "first playable ≤ one GOP + 50 ms (playlists stored p50 / p90 / max; seen by the watch p50)",
                stored.p50() + " / " + stored.p90() + " / " + stored.max() + " ms; " + watched.p50() + " ms",
                stored.count() > 0 && stored.p50() <= LoadSession.GOP_SECONDS * 1000 + 50);
        double ingestPackaging = w.cpuPerStreamMinute().getOrDefault(WindowResult.INGEST_AND_PACKAGING, 0.0);
        double stack = w.cpuPerStreamMinute().getOrDefault(WindowResult.WHOLE_STACK, 0.0);
        target(md, "ingest + packaging < 0.33 CPU s / stream-min", String.format(Locale.ROOT, "%.3f", ingestPackaging),
                ingestPackaging < 0.33);
        target(md, "whole stack < 0.66 CPU s / stream-min", String.format(Locale.ROOT, "%.3f", stack), stack < 0.66);
        double added = w.addedRssMbPerStream().getOrDefault(WindowResult.WHOLE_STACK, 0.0);
        String live = liveHeapHold.isEmpty() ? "" : String.format(Locale.ROOT, " resident (live heap: %.2f MB)",
                addedLiveMbPerStream(WindowResult.WHOLE_STACK, w.streams()));
        target(md, "< 5 MB added memory per stream", String.format(Locale.ROOT, "%.2f MB", added) + live, added < 5);
        md.append('\n');
    }

    private void liveHeap(StringBuilder md, int streams) {
        if (liveHeapHold.isEmpty()) {
            return;
        }
        md.append("### Live heap per role (after a full collection: jcmd GC.class_histogram)\n\n");
        md.append("| role | live MB, no publisher | live MB, end of the hold | added MB / stream |\n");
        md.append("| --- | --- | --- | --- |\n");
        for (String role : liveHeapHold.keySet()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", role, mbOfBytes(liveHeapIdle.get(role)),
                    mbOfBytes(liveHeapHold.get(role)), liveHeapIdle.containsKey(role)
                            ? String.format(Locale.ROOT, "%.2f", addedLiveMbPerStream(role, streams)) : ""));
        }
        md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f |%n", WindowResult.WHOLE_STACK,
                mbOfBytes(sumOverMeasuredRoles(liveHeapIdle)), mbOfBytes(sumOverMeasuredRoles(liveHeapHold)),
                addedLiveMbPerStream(WindowResult.WHOLE_STACK, streams)));
        md.append("\nWhat the stack's JVMs keep per stream, apart from how their collectors size the heaps (the resident "
                + "sizes above); the stack's row is over the roles measured both times. Taken between the hold and the "
                + "end phase, in no measured window.\n\n");
    }

    /** (live at the end of the hold − live with no publisher) / streams, in MB; the stack's over the roles measured twice. */
    private double addedLiveMbPerStream(String role, int streams) {
        long hold = role.equals(WindowResult.WHOLE_STACK) ? sumOverMeasuredRoles(liveHeapHold)
                : liveHeapHold.getOrDefault(role, 0L);
        long idle = role.equals(WindowResult.WHOLE_STACK) ? sumOverMeasuredRoles(liveHeapIdle)
                : liveHeapIdle.getOrDefault(role, 0L);
        return (hold - idle) / (1024.0 * 1024.0) / Math.max(1, streams);
    }

    /** The sum over the roles whose live heap was measured both with no publisher and at the end of the hold. */
    private long sumOverMeasuredRoles(Map<String, Long> bytesByRole) {
        return bytesByRole.entrySet().stream()
                .filter(e -> liveHeapIdle.containsKey(e.getKey()) && liveHeapHold.containsKey(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static String mbOfBytes(Long bytes) {
        return bytes == null ? "" : String.format(Locale.ROOT, "%.0f", bytes / (1024.0 * 1024.0));
    }

    private static void target(StringBuilder md, String name, String measured, boolean met) {
        md.append("| ").append(name).append(" | ").append(measured).append(" | ").append(met ? "yes" : "no").append(" |\n");
    }

    private static String row(String name, Percentiles p) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d |%n", name, p.count(), p.p50(), p.p90(), p.p99(),
                p.max());
    }

    /** The stack's resident memory at its peak in the window: the sum of the roles' peaks (not the generator). */
    private static long stackRssKb(WindowResult w) {
        return w.peakRssKb().entrySet().stream().filter(e -> !e.getKey().equals(StackRoles.LOAD))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static String mb(Long kb) {
        return kb == null ? "" : String.format(Locale.ROOT, "%.0f", kb / 1024.0);
    }
}
