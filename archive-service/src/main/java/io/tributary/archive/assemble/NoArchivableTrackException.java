package io.tributary.archive.assemble;

/**
 * A session's first piece has no track an MP4 archive carries (no AVC or HEVC video, no AAC audio: an MP3-only or AV1
 * stream): no archive can be made of the session, however often it is tried. Only this says so; any other failure
 * while fragmenting is a bug or a data problem, not a reason to give the archive up.
 */
public final class NoArchivableTrackException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NoArchivableTrackException(String message) {
        super(message);
    }
}
