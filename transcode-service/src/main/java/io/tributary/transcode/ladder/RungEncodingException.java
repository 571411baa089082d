package io.tributary.transcode.ladder;

/** A GOP could not be encoded into the rungs, or what ffmpeg made does not line up with the source. */
public class RungEncodingException extends RuntimeException {

    public RungEncodingException(String message) {
        super(message);
    }

    public RungEncodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
