package io.tributary.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtraJvmFlagsTest {

    private static final List<String> PROCESSES = StackLauncher.processNames();

    @Test
    void knowsEveryProcessOfTheStack() {
        assertEquals(List.of("kafka", "s3", "auth", "ingest", "transcode", "thumbnail", "archive"), PROCESSES);
    }

    @Test
    void readsOneProcessesFlagsSplitAtWhitespace() {
        ExtraJvmFlags flags = ExtraJvmFlags.fromEnvironment(Map.of(
                "TRIBUTARY_JVM_OPTS_TRANSCODE", " -Xmx768m  -Xmn64m ",
                "TRIBUTARY_JVM_OPTS_S3", "",
                "PATH", "/usr/bin"), PROCESSES);
        assertEquals(List.of("-Xmx768m", "-Xmn64m"), flags.of("transcode"));
        assertTrue(flags.of("s3").isEmpty());
        assertTrue(flags.of("ingest").isEmpty());
    }

    @Test
    void refusesAVariableThatNamesNoProcess() {
        StackException e = assertThrows(StackException.class, () -> ExtraJvmFlags.fromEnvironment(
                Map.of("TRIBUTARY_JVM_OPTS_TRANSCODER", "-Xmx1g"), PROCESSES));
        assertTrue(e.getMessage().contains("TRIBUTARY_JVM_OPTS_TRANSCODER names no process"), e.getMessage());
        assertTrue(e.getMessage().contains("TRIBUTARY_JVM_OPTS_TRANSCODE"), e.getMessage());
    }
}
