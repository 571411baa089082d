package io.tributary.bench.load;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each JVM of the stack really holds: {@code jcmd <pid> GC.class_histogram} collects the whole heap first, so
 * the histogram's total is the live set. The resident size says little about that: a JVM touches all of its young
 * generation however little survives, and keeps the heap it once grew to (session 11: transcode 21 MB live in a
 * 674 MB process at 48 streams). Comparing the live sets with no publisher and at the end of the hold gives the data
 * the stack keeps per stream, apart from how the collectors size their heaps.
 *
 * <p>A full collection of each JVM costs tens to hundreds of milliseconds of CPU: taken between windows, never inside
 * one.
 */
final class LiveHeap {

    /** The histogram's last line: {@code Total <instances> <bytes>}. */
    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

    private LiveHeap() {
    }

    /**
     * Live heap bytes by role, for every Java role of the stack ({@link StackRoles}; not the generator). A role whose
     * histogram could not be taken is left out and said so: the figure is a measurement, not a reason to lose the run.
     */
    static Map<String, Long> measure(long launcherPid) throws InterruptedException {
        Map<String, Long> live = new LinkedHashMap<>();
        Map<String, Long> roles;
        try {
            roles = StackRoles.find(launcherPid);
        } catch (IOException e) {
            LoadBench.log("live heap not measured: " + e.getMessage());
            return live;
        }
        for (Map.Entry<String, Long> role : roles.entrySet()) {
            if (role.getKey().equals(StackRoles.LOAD)) {
                continue;
            }
            try {
                OptionalLong total = histogramTotal(Jcmd.run(role.getValue(), "GC.class_histogram"));
                if (total.isPresent()) {
                    live.put(role.getKey(), total.getAsLong());
                } else {
                    LoadBench.log("live heap of " + role.getKey() + " not measured: jcmd gave no histogram");
                }
            } catch (IOException e) {
                LoadBench.log("live heap of " + role.getKey() + " not measured: " + e.getMessage());
            }
        }
        return live;
    }

    /** The total bytes of a class histogram as jcmd prints it; empty when the output holds none (jcmd failed). */
    static OptionalLong histogramTotal(String jcmdOutput) {
        Matcher total = TOTAL.matcher(jcmdOutput);
        return total.find() ? OptionalLong.of(Long.parseLong(total.group(1))) : OptionalLong.empty();
    }
}
