package io.tributary.bench.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each JVM of the stack really holds: {@code jcmd <pid> GC.class_histogram} collects the whole heap first, so
 * the histogram's total is the live set. The resident size says little about that: a JVM touches all of its young
 * generation however little survives, and keeps the heap it once grew to (session 11: transcode 20 MB live in a
 * 614 MB process at 48 streams). Comparing the live sets with no publisher and at the end of the hold gives the data
 * the stack keeps per stream, apart from how the collectors size their heaps.
 *
 * <p>A full collection of each JVM costs tens to hundreds of milliseconds of CPU: taken after a window is measured,
 * never inside one.
 */
final class LiveHeap {

    /** The histogram's last line: {@code Total <instances> <bytes>}. */
    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

    private LiveHeap() {
    }

    /** Live heap bytes by role, for every Java role of the stack ({@link StackRoles}; not the generator). */
    static Map<String, Long> measure(long launcherPid) throws Exception {
        Map<String, Long> live = new LinkedHashMap<>();
        for (Map.Entry<String, Long> role : StackRoles.find(launcherPid).entrySet()) {
            if (!role.getKey().equals(StackRoles.LOAD)) {
                histogramTotal(histogram(role.getValue())).ifPresent(bytes -> live.put(role.getKey(), bytes));
            }
        }
        return live;
    }

    /** The total bytes of a class histogram as jcmd prints it; empty when the output holds none (jcmd failed). */
    static OptionalLong histogramTotal(String jcmdOutput) {
        Matcher total = TOTAL.matcher(jcmdOutput);
        return total.find() ? OptionalLong.of(Long.parseLong(total.group(1))) : OptionalLong.empty();
    }

    private static String histogram(long pid) throws Exception {
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), "GC.class_histogram")
                .redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        if (!jcmd.waitFor(60, TimeUnit.SECONDS)) {
            jcmd.destroyForcibly();
        }
        return out;
    }
}
