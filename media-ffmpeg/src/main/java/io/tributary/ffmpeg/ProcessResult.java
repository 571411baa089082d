package io.tributary.ffmpeg;

import java.nio.charset.StandardCharsets;

/** What a finished child process left: its exit code, its standard output and the tail of its standard error. */
public record ProcessResult(int exitCode, byte[] stdout, String stderrTail) {

    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }
}
