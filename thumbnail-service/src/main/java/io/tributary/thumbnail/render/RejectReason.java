package io.tributary.thumbnail.render;

/** Why a keyframe gave no picture; {@link #label()} is the {@code reason} label of the failure metric. */
public enum RejectReason {
    /**
     * The decoder would not open with the stream's configuration record, or gave no picture: the keyframe cannot be
     * decoded (or the bytes are not what they claim).
     */
    UNDECODABLE("undecodable"),
    /**
     * The decoder found errors in the keyframe's data, or flagged its picture corrupt: what it would show is error
     * concealment, not the frame.
     */
    DAMAGED("damaged"),
    /** The picture is black or one flat colour (a fade, a camera warming up, a grey concealed frame). */
    BLANK("blank"),
    /** The FFmpeg libraries failed for a reason that is not the keyframe's (out of memory, the encoder refused). */
    FFMPEG_FAILED("ffmpeg");

    private final String label;

    RejectReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
