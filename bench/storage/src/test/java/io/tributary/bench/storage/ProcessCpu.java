package io.tributary.bench.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * CPU seconds of a process from {@code /proc}: the whole process ({@code /proc/<pid>/stat}, which keeps the time of
 * threads that ended) and the part of it spent by the JVM's JIT compiler threads and garbage collector threads
 * (from {@code /proc/<pid>/task/<tid>/stat}; those threads live as long as the JVM). A fresh JVM spends minutes
 * compiling (bench/load/README.md, "Where the time goes"), so the JIT's share is split off from the code's.
 */
record ProcessCpu(double total, double jit, double gc) {
    /** USER_HZ: the unit of utime/stime in /proc/<pid>/stat, 100 on every Linux x86-64 build. */
    private static final double CLOCK_TICKS_PER_SECOND = 100.0;

    static ProcessCpu of(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        double jit = 0;
        double gc = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve("task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (NoSuchFileException ended) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    jit += seconds(stat);
                } else if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
                    gc += seconds(stat);
                }
            }
            return new ProcessCpu(seconds(Files.readString(proc.resolve("stat"))), jit, gc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU time of process " + pid, e);
        }
    }

    /** The code's own CPU: neither compiling nor collecting garbage. */
    double code() {
        return total - jit - gc;
    }

    ProcessCpu minus(ProcessCpu earlier) {
        return new ProcessCpu(total - earlier.total, jit - earlier.jit, gc - earlier.gc);
    }

    private static double seconds(String stat) {
        // fields after the name in parentheses (which may hold spaces): state is field 3, utime 14, stime 15
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
    }
}
