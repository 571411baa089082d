package io.tributary.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

    @TempDir
    Path dir;

    private static WindowResult window(int streams, long p99, long stackRssKb) {
        Percentiles latency = new Percentiles(streams * 20, 20, 35, p99, p99, 22);
        return new WindowResult(streams, 40, 0, 40_000, Map.of(WindowResult.ALL, latency, "source", latency),
                Map.of("source", streams * 20), streams * 20.0, latency,
                Map.of("ingest", 8.0, WindowResult.WHOLE_STACK, 20.0),
                Map.of("ingest", 0.3, WindowResult.WHOLE_STACK, 0.75), Map.of("ingest", 0.25), Map.of("ingest", 150_000L),
                Map.of("ingest", stackRssKb), Map.of("ingest", 2.0), 1, 20, 40, 0, 0, 100_000, 0, "9.0 9.0 9.0", 0.2,
                Map.of("s3", 45.0, WindowResult.WHOLE_STACK, 110.0));
    }

    @Test
    void writesTheRampAndItsLargestSustainedStepToMarkdownAndJson() throws IOException {
        RunReport report = new RunReport(Map.of("nproc", 2), Map.of("mode", "ramp"));
        report.step(window(8, 300, 1_000 * 1024), List.of(),
                Map.of("archive-service", 40L, "thumbnail-service", 3L));
        report.step(window(16, 1200, 1_080 * 1024), RampCriterion.failures(window(16, 1200, 0)),
                Map.of("archive-service", 90L, "thumbnail-service", 5L));
        report.maxSustained(8);
        report.write(dir);

        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("Largest sustained: 8 streams"), md);
        assertTrue(md.contains("| 16 | 20 | 35 | 1200 | 1200 | 320 / 320 |"), md);
        assertTrue(md.contains("| 10.0 | 90 / 5 |"), "stack RSS grew 80 MB for 8 more streams: " + md);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertEquals(8, json.path("maxSustainedStreams").asInt());
        assertEquals(2, json.path("rampSteps").size());
        assertTrue(json.path("rampSteps").get(1).path("failures").get(0).asText().startsWith("p99"));
    }

    @Test
    void givesTheStartOfTheChannelsEachRampStepAddedBySendTimeOfTheirPublish() throws IOException {
        RunReport report = new RunReport(Map.of("nproc", 2), Map.of("mode", "ramp"));
        report.step(windowEnding(8, 100_000), List.of(), Map.of());
        report.step(windowEnding(16, 200_000), List.of(), Map.of());
        // published at 10 s (first step, cold) and at 150 s and 160 s (the second step, warm)
        report.startups(List.of(
                new StartupResult("a", 10_000, 10_030, 12_200, 12_180, 150, null),
                new StartupResult("b", 150_000, 150_010, 152_090, 152_060, 50, null),
                new StartupResult("c", 160_000, 160_020, 162_070, 162_040, 20, null)));
        report.write(dir);

        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("| 8 | 1 | 30 | 150 | 2180 (2180) |"), md);
        assertTrue(md.contains("| 16 | 2 | 10 | 20 | 2040 (2060) |"), "nearest-rank p50 of two is the lower: " + md);
        JsonNode steps = new ObjectMapper().readTree(dir.resolve("report.json").toFile()).path("startupsByRampStep");
        assertEquals(2, steps.get(1).path("channelsStarted").asInt());
        assertEquals(2040, steps.get(1).path("starts").path("publishToFirstSegmentEvent").path("p50").asLong());
    }

    private static WindowResult windowEnding(int streams, long toEpochMillis) {
        WindowResult w = window(streams, 100, 1_000 * 1024);
        return new WindowResult(w.streams(), w.seconds(), toEpochMillis - 40_000, toEpochMillis,
                w.latencyByRendition(), w.segmentsByRendition(), w.segmentsExpectedPerRendition(), w.glassToGlass(),
                w.cpuSeconds(), w.cpuPerStreamMinute(), w.marginalPerStreamMinute(), w.idleRssKb(), w.peakRssKb(),
                w.addedRssMbPerStream(), w.schedulerLatenessP50Millis(), w.schedulerLatenessP99Millis(),
                w.schedulerLatenessMaxMillis(), w.publishersFailed(), w.publishersBehind(), w.maxOutboxBytes(),
                w.abnormalStops(), w.loadAverage(), w.stealShare(), w.fileWriteMbPerStreamMinute());
    }

    @Test
    void addsTheEndOfTheSessionsToTheHoldsFigureForAWholeSession() throws IOException {
        RunReport report = new RunReport(Map.of("nproc", 2), Map.of("mode", "fixed"));
        report.hold(window(8, 300, 1_000 * 1024));
        report.endPhase(new EndPhase(12.5, 8, 8, 40.0, Percentiles.of(List.of(900L, 1100L)),
                Map.of("archive", 3.0, WindowResult.WHOLE_STACK, 6.0),
                Map.of("archive", 2.0, WindowResult.WHOLE_STACK, 4.0)));
        report.write(dir);

        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("8 of 8 sessions archived; the publishers' stop → the last archive-ready 12.5 s"), md);
        assertTrue(md.contains("| archive | 3.0 | 2.0 | 0.050 |"), md);
        assertTrue(md.contains("+ 0.100 after it"), md);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertEquals(8, json.get("endPhase").get("archived").asInt());
    }

    @Test
    void readsTheStacksFileWritesWithTheMachinesCalibration() throws IOException {
        RunReport report = new RunReport(Map.of("nproc", 2), Map.of("mode", "fixed"));
        report.hold(window(8, 300, 1_000 * 1024)); // the stack: 0.75 CPU s and 110 MB of file writes per stream-minute
        report.fileWriteCost(new FileWriteCost(0.3, 0.15, 268.4, "before the stack started"));
        report.fileWriteCost(null); // a calibration that failed
        report.fileWriteCost(new FileWriteCost(3.0, 0.2, 268.4, "after the end phase"));
        report.write(dir);

        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("the stack wrote 110.0 MB to files per stream-minute"), md);
        assertTrue(md.contains("(268 MB each time; FileWriteCost), before the stack started 0.30 into fresh pages and "
                + "0.15 over cached ones; after the end phase 3.00 into fresh pages and 0.20 over cached ones"), md);
        assertTrue(md.contains("between 0.017 and 0.330 CPU s per stream-minute, 2–44 % of the stack's figure"), md);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertEquals(3.0, json.path("fileWriteCosts").get(1).path("freshMillisPerMb").asDouble());
        assertEquals(45.0, json.path("hold").path("fileWriteMbPerStreamMinute").path("s3").asDouble());
    }

    @Test
    void givesTheLiveHeapEachStreamAddsBesideTheResidentSize() throws IOException {
        RunReport report = new RunReport(Map.of("nproc", 2), Map.of("mode", "fixed"));
        report.hold(window(8, 300, 1_000 * 1024));
        report.liveHeapIdle(Map.of("ingest", 30L << 20, "transcode", 20L << 20));
        // archive's histogram failed with no publisher: its row has no figure, and the stack's leaves it out
        report.liveHeapHold(Map.of("ingest", 46L << 20, "transcode", 28L << 20, "archive", 40L << 20));
        report.write(dir);

        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("| ingest | 30 | 46 | 2.00 |"), md);
        assertTrue(md.contains("| stack | 50 | 74 | 3.00 |"), md);
        assertTrue(md.contains("| archive |  | 40 |  |"), md);
        assertTrue(md.contains("resident (live heap: 3.00 MB)"), md);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertEquals(46L << 20, json.get("liveHeapBytesEndOfHold").get("ingest").asLong());
    }
}
