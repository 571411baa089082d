package io.tributary.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Samples each role's process tree (the generator: its own process only) once a second: CPU ticks (cumulative), resident memory (sum over the tree) and the
 * root's VmHWM. CPU of a window is the difference of two samples; memory is the peak of the samples in it.
 */
final class ResourceSampler implements AutoCloseable {

    /** {@code getconf CLK_TCK} on Linux (USER_HZ), which /proc counts in. */
    static final double TICKS_PER_SECOND = 100.0;

    /** @param fileWriteBytes the tree's {@link ProcStat#fileWriteBytes}, cumulative */
    record RoleSample(long cpuTicks, long rssKb, long hwmKb, int processes, long fileWriteBytes) {
    }

    /**
     * The machine's CPU time from /proc/stat's {@code cpu} line: every state, and {@code steal}, the time a virtual
     * machine's CPUs were ready but the hypervisor ran something else. On a shared host it takes a quarter of the
     * CPU at times (session 10: 18–30 % while the stack ran), which looks like a slower machine to every figure.
     */
    record MachineTicks(long total, long steal) {
    }

    record Sample(long epochMillis, Map<String, RoleSample> roles, MachineTicks machine) {
    }

    private final Map<String, Long> roots;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    ResourceSampler(Map<String, Long> roots, long periodMillis) {
        this.roots = Map.copyOf(roots);
        this.thread = new Thread(() -> {
            while (running) {
                sampleNow();
                try {
                    Thread.sleep(periodMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "resource-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Takes a sample now (also used to mark the edges of a window) and returns it. */
    Sample sampleNow() {
        try {
            Map<Long, ProcStat> all = StackRoles.processes();
            Map<Long, List<Long>> children = new HashMap<>();
            all.values().forEach(s -> children.computeIfAbsent(s.ppid(), k -> new ArrayList<>()).add(s.pid()));
            Map<String, RoleSample> roles = new LinkedHashMap<>();
            roots.forEach((role, pid) -> {
                ProcStat root = all.get(pid);
                if (root == null) {
                    return;
                }
                long ticks = 0;
                long rss = 0;
                long written = 0;
                int count = 0;
                List<Long> todo = new ArrayList<>(List.of(pid));
                while (!todo.isEmpty()) {
                    ProcStat p = all.get(todo.remove(todo.size() - 1));
                    if (p == null) {
                        continue;
                    }
                    ticks += p.cpuTicks();
                    rss += p.rssKb();
                    written += ProcStat.fileWriteBytes(p.pid());
                    count++;
                    if (!role.equals(StackRoles.LOAD)) { // the generator's children are the stack it started
                        todo.addAll(children.getOrDefault(p.pid(), List.of()));
                    }
                }
                roles.put(role, new RoleSample(ticks, rss, ProcStat.hwmKb(pid), count, written));
            });
            Sample sample = new Sample(System.currentTimeMillis(), roles, machineTicks());
            samples.add(sample);
            return sample;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc", e);
        }
    }

    /** The share of the machine's CPU time the hypervisor took between two samples (0 without /proc/stat). */
    static double stealShare(Sample from, Sample to) {
        long total = to.machine().total() - from.machine().total();
        return total <= 0 ? 0 : (double) (to.machine().steal() - from.machine().steal()) / total;
    }

    /** user nice system idle iowait irq softirq steal ...: the 8th number is steal (guest time is in user). */
    static MachineTicks parseMachineTicks(String procStat) {
        for (String line : procStat.split("\n")) {
            if (line.startsWith("cpu ")) {
                String[] fields = line.trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < Math.min(fields.length, 9); i++) {
                    total += Long.parseLong(fields[i]);
                }
                return new MachineTicks(total, fields.length > 8 ? Long.parseLong(fields[8]) : 0);
            }
        }
        return new MachineTicks(0, 0);
    }

    private static MachineTicks machineTicks() throws IOException {
        return parseMachineTicks(Files.readString(Path.of("/proc/stat")));
    }

    /** CPU seconds of each role between two samples. */
    static Map<String, Double> cpuSeconds(Sample from, Sample to) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        to.roles().forEach((role, end) -> {
            RoleSample start = from.roles().get(role);
            if (start != null) {
                cpu.put(role, (end.cpuTicks() - start.cpuTicks()) / TICKS_PER_SECOND);
            }
        });
        return cpu;
    }

    /**
     * MB each role wrote to files between two samples (a child reaped in between hands its count to its parent, so
     * the tree's sum keeps it).
     */
    static Map<String, Double> fileWriteMb(Sample from, Sample to) {
        Map<String, Double> mb = new LinkedHashMap<>();
        to.roles().forEach((role, end) -> {
            RoleSample start = from.roles().get(role);
            if (start != null) {
                mb.put(role, Math.max(0, end.fileWriteBytes() - start.fileWriteBytes()) / 1e6);
            }
        });
        return mb;
    }

    /** The largest resident set of each role's tree among the samples taken in [from, to]. */
    Map<String, Long> peakRssKb(long fromEpochMillis, long toEpochMillis) {
        Map<String, Long> peak = new LinkedHashMap<>();
        for (Sample s : samples) {
            if (s.epochMillis() >= fromEpochMillis && s.epochMillis() <= toEpochMillis) {
                s.roles().forEach((role, r) -> peak.merge(role, r.rssKb(), Math::max));
            }
        }
        return peak;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
