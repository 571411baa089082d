package io.tributary.deploy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * JVM flags an operator adds to one process of the local stack: {@code TRIBUTARY_JVM_OPTS_TRANSCODE="-Xmx768m"},
 * likewise {@code _KAFKA}, {@code _S3}, {@code _AUTH}, {@code _INGEST}, {@code _THUMBNAIL}, {@code _ARCHIVE}. They
 * come after the launcher's own flags, so a heap size given here wins (the JVM takes the last {@code -Xmx}); split at
 * whitespace, no quoting. {@code JAVA_TOOL_OPTIONS} still reaches every JVM; this is for one of them (bench/load
 * sizes the heaps one by one with it).
 */
record ExtraJvmFlags(Map<String, List<String>> byProcess) {

    static final String PREFIX = "TRIBUTARY_JVM_OPTS_";
    static final ExtraJvmFlags NONE = new ExtraJvmFlags(Map.of());

    ExtraJvmFlags {
        byProcess = Map.copyOf(byProcess);
    }

    /**
     * @param processes the processes' short names ({@code kafka}, {@code transcode}...)
     * @throws StackException for a {@code TRIBUTARY_JVM_OPTS_} variable that names no process: a typo would
     *                        otherwise be ignored without a word
     */
    static ExtraJvmFlags fromEnvironment(Map<String, String> environment, List<String> processes) {
        Map<String, List<String>> flags = new TreeMap<>();
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            if (!variable.getKey().startsWith(PREFIX)) {
                continue;
            }
            String process = variable.getKey().substring(PREFIX.length()).toLowerCase(Locale.ROOT);
            if (!processes.contains(process)) {
                throw new StackException(variable.getKey() + " names no process of the stack; use one of "
                        + processes.stream().map(p -> PREFIX + p.toUpperCase(Locale.ROOT)).toList());
            }
            String value = variable.getValue().trim();
            if (!value.isEmpty()) {
                flags.put(process, List.of(value.split("\\s+")));
            }
        }
        return new ExtraJvmFlags(flags);
    }

    /** The flags for {@code process}, empty when none were given. */
    List<String> of(String process) {
        return byProcess.getOrDefault(process, List.of());
    }
}
