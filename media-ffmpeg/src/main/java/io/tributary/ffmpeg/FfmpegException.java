package io.tributary.ffmpeg;

/** ffmpeg could not be found, started, finished in time, or exited with an error. */
public class FfmpegException extends RuntimeException {
    public FfmpegException(String message) {
        super(message);
    }

    public FfmpegException(String message, Throwable cause) {
        super(message, cause);
    }
}
