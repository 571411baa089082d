package io.tributary.bench.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a service's time and allocations went, from a JFR recording (settings=profile): the methods on top of the
 * execution samples (self), the methods anywhere in them (total), the busiest threads, and the allocation samples'
 * weight by class and by allocating method.
 */
final class JfrSummary {

    private static final int TOP = 15;

    private JfrSummary() {
    }

    static String summarize(Path recording) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> total = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> allocByClass = new HashMap<>();
        Map<String, Long> allocBySite = new HashMap<>();
        long samples = 0;
        long allocated = 0;
        long gcPauseNanos = 0;
        int gcs = 0;
        Map<Long, String> threadNames = new HashMap<>();
        Map<Long, Double> threadLoad = new HashMap<>();
        Set<Long> threadSeen = new HashSet<>();
        Map<String, Long> started = new HashMap<>();
        long gcCpuNanos = 0;
        long firstCompileNanos = -1;
        long lastCompileNanos = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    List<RecordedFrame> frames = stack.getFrames();
                    self.merge(method(frames.get(0)), 1L, Long::sum);
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame frame : frames) {
                        if (seen.add(method(frame))) {
                            total.merge(method(frame), 1L, Long::sum);
                        }
                    }
                    if (event.getThread("sampledThread") != null) {
                        threads.merge(threadGroup(event.getThread("sampledThread").getJavaName()), 1L, Long::sum);
                    }
                }
                case "jdk.ObjectAllocationSample" -> {
                    long weight = event.getLong("weight");
                    allocated += weight;
                    allocByClass.merge(event.getClass("objectClass").getName(), weight, Long::sum);
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack != null && !stack.getFrames().isEmpty()) {
                        allocBySite.merge(firstOwnFrame(stack.getFrames()), weight, Long::sum);
                    }
                }
                case "jdk.GarbageCollection" -> {
                    gcs++;
                    gcPauseNanos += event.getDuration("sumOfPauses").toNanos();
                }
                case "jdk.GCCPUTime" -> gcCpuNanos += event.getDuration("userTime").toNanos()
                        + event.getDuration("systemTime").toNanos();
                case "jdk.CompilerStatistics" -> {
                    long spent = event.getDuration("totalTimeSpent").toNanos();
                    if (firstCompileNanos < 0) {
                        firstCompileNanos = spent;
                    }
                    lastCompileNanos = spent;
                }
                case "jdk.ThreadCPULoad" -> {
                    // a fraction of the machine over the period since the thread's previous event (10 s with
                    // settings=profile); a thread's first event covers an unknown span, so it is left out, and with
                    // it the short-lived threads, which jdk.ThreadStart counts instead
                    if (event.getThread() != null) {
                        long id = event.getThread().getJavaThreadId();
                        threadNames.put(id, threadGroup(event.getThread().getJavaName()));
                        if (!threadSeen.add(id)) {
                            threadLoad.merge(id, (double) event.getFloat("user") + event.getFloat("system"), Double::sum);
                        }
                    }
                }
                case "jdk.ThreadStart" -> {
                    if (event.getThread("thread") != null) {
                        started.merge(threadGroup(event.getThread("thread").getJavaName()), 1L, Long::sum);
                    }
                }
                default -> {
                    // other events: not summarised
                }
            }
        }
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%d execution samples, %.0f MB allocated (sampled weight), %d GCs with "
                + "%.0f ms of pauses and %.1f s of GC CPU, %.1f s of JIT compilation during the recording.%n%n",
                samples, allocated / 1e6, gcs, gcPauseNanos / 1e6, gcCpuNanos / 1e9,
                Math.max(0, lastCompileNanos - firstCompileNanos) / 1e9));
        Map<String, Long> threadShares = new HashMap<>();
        threadLoad.forEach((id, load) -> threadShares.merge(threadNames.get(id), Math.round(load * 1e6), Long::sum));
        table(md, "CPU of long-lived threads (jdk.ThreadCPULoad, share among them)", "thread", threadShares,
                threadShares.values().stream().mapToLong(Long::longValue).sum(), "%");
        md.append("**Threads started during the recording**\n\n| thread | count |\n| --- | --- |\n");
        started.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP)
                .forEach(e -> md.append("| `").append(e.getKey()).append("` | ").append(e.getValue()).append(" |\n"));
        md.append('\n');
        table(md, "Hot methods (self)", "method", self, samples, "%");
        table(md, "Hot methods (total: anywhere in the stack)", "method", total, samples, "%");
        table(md, "Threads (samples)", "thread", threads, samples, "%");
        table(md, "Allocation by class", "class", allocByClass, allocated, "% of bytes");
        table(md, "Allocation by site (first frame outside java./jdk./sun.)", "method", allocBySite, allocated, "% of bytes");
        return md.toString();
    }

    private static void table(StringBuilder md, String title, String what, Map<String, Long> counts, long of, String unit) {
        md.append("**").append(title).append("**\n\n| ").append(what).append(" | ").append(unit).append(" |\n| --- | --- |\n");
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP)
                .forEach(e -> md.append(String.format(Locale.ROOT, "| `%s` | %.1f |%n", e.getKey(),
                        of == 0 ? 0.0 : 100.0 * e.getValue() / of)));
        md.append('\n');
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String firstOwnFrame(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String name = method(frame);
            if (!name.startsWith("java.") && !name.startsWith("jdk.") && !name.startsWith("sun.")) {
                return name;
            }
        }
        return method(frames.get(0));
    }

    /** Thread names without their numbers, so a pool is one line: "vert.x-eventloop-thread-#". */
    private static String threadGroup(String name) {
        return name == null ? "?" : name.replaceAll("\\d+", "#");
    }
}
