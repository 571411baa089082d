package io.tributary.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcStatTest {

    @Test
    void readsThisProcessFromProc() {
        long pid = ProcessHandle.current().pid();
        ProcStat self = ProcStat.read(pid).orElseThrow();
        assertEquals(pid, self.pid());
        assertEquals(ProcessHandle.current().parent().orElseThrow().pid(), self.ppid());
        assertTrue(self.cpuTicks() > 0, "a JVM that ran tests has used CPU");
        assertTrue(self.rssKb() > 0 && ProcStat.hwmKb(pid) >= self.rssKb());
        assertTrue(ProcStat.commandLine(pid).contains("java"));
    }

    @Test
    void aGoneProcessReadsAsNothing() {
        assertTrue(ProcStat.read(Integer.MAX_VALUE).isEmpty());
    }

    @Test
    void cpuOfAWindowIsTheDifferenceOfTwoSamplesInSeconds() {
        ResourceSampler.Sample from = sample(0, "ingest", 1000, 0, new ResourceSampler.MachineTicks(0, 0));
        ResourceSampler.Sample to = sample(60_000, "ingest", 1250, 0, new ResourceSampler.MachineTicks(12_000, 3_000));
        assertEquals(Map.of("ingest", 2.5), ResourceSampler.cpuSeconds(from, to));
        assertEquals(0.25, ResourceSampler.stealShare(from, to));
    }

    @Test
    void stealIsTheEighthNumberOfTheMachinesCpuLine() {
        ResourceSampler.MachineTicks ticks = ResourceSampler.parseMachineTicks(
                "cpu  4705 150 1120 16250 520 0 35 900 0 0\ncpu0 2350 75 560 8125 260 0 17 450 0 0\nintr 1\n");
        assertEquals(new ResourceSampler.MachineTicks(4705 + 150 + 1120 + 16250 + 520 + 35 + 900, 900), ticks);
    }

    @Test
    void fileWritesOfAWindowAreTheDifferenceOfTwoSamplesInMegabytes() {
        ResourceSampler.MachineTicks machine = new ResourceSampler.MachineTicks(0, 0);
        assertEquals(Map.of("s3", 12.0), ResourceSampler.fileWriteMb(sample(0, "s3", 0, 5_000_000, machine),
                sample(60_000, "s3", 0, 17_000_000, machine)));
    }

    @Test
    void readsWriteBytesFromProcIo() {
        String io = "rchar: 2012\nwchar: 1394\nsyscr: 7\nsyscw: 3\nread_bytes: 4096\nwrite_bytes: 1236992\n"
                + "cancelled_write_bytes: 4096\n";
        assertEquals(1_236_992, ProcStat.parseWriteBytes(io));
        assertEquals(0, ProcStat.parseWriteBytes("rchar: 1\n"));
    }

    /** One role's sample: its CPU ticks and file-write bytes so far. */
    private static ResourceSampler.Sample sample(long epochMillis, String role, long cpuTicks, long fileWriteBytes,
            ResourceSampler.MachineTicks machine) {
        return new ResourceSampler.Sample(epochMillis,
                Map.of(role, new ResourceSampler.RoleSample(cpuTicks, 0, 0, 1, fileWriteBytes)), machine);
    }
}
