package io.tributary.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One process as {@code /proc/<pid>/stat} shows it (proc(5)): one small read per process, so that sampling every
 * process of the machine once a second costs the generator little.
 *
 * @param cpuTicks utime + stime + cutime + cstime: its own CPU and that of the children it reaped, so that the sum
 *                 over a process tree loses nothing when an ffmpeg child ends between two samples
 * @param rssKb    resident set (field 24, pages)
 */
record ProcStat(long pid, long ppid, long cpuTicks, long rssKb) {

    /** {@code getconf PAGESIZE} on x86-64 and arm64 Linux as configured here. */
    private static final long PAGE_KB = 4;

    static Optional<ProcStat> read(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // the command name (field 2) is in parentheses and may hold spaces: fields are counted after the last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            long ppid = Long.parseLong(f[1]);
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return Optional.of(new ProcStat(pid, ppid, ticks, Long.parseLong(f[21]) * PAGE_KB));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // gone between the listing and the read
        }
    }

    /** VmHWM of {@code /proc/<pid>/status}: the peak resident set since the process started; 0 if gone. */
    static long hwmKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"),
                    StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * {@code write_bytes} of {@code /proc/<pid>/io} (proc(5)): the bytes this process made the page cache write to
     * storage, counted as it dirtied the pages (a file deleted before its write-back still counts): what its file
     * writes cost the kernel, whatever happens to them later. 0 if the process is gone or the file unreadable.
     */
    static long fileWriteBytes(long pid) {
        try {
            Path io = Path.of("/proc", Long.toString(pid), "io");
            return parseWriteBytes(Files.readString(io, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The {@code write_bytes} line of a {@code /proc/<pid>/io} text; 0 without one. */
    static long parseWriteBytes(String procIo) {
        for (String line : procIo.split("\n")) {
            if (line.startsWith("write_bytes:")) {
                return Long.parseLong(line.substring("write_bytes:".length()).trim());
            }
        }
        return 0;
    }

    /** The command line with NULs as spaces, empty if the process is gone. */
    static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
