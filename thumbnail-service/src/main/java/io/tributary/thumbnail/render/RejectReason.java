package io.tributary.thumbnail.render;

/** Why a keyframe gave no picture; {@link #label()} is the {@code reason} label of the failure metric. */
public enum RejectReason {
    /** ffmpeg failed or wrote no picture: the keyframe cannot be decoded (or the bytes are not what they claim). */
    UNDECODABLE("undecodable"),
    /** ffmpeg wrote a picture but its decoder reported errors: what it shows is error concealment, not the frame. */
    DAMAGED("damaged"),
    /** The picture is black or one flat colour (a fade, a camera warming up, a grey concealed frame). */
    BLANK("blank"),
    /** ffmpeg did not finish in time, or could not be run. */
    FFMPEG_FAILED("ffmpeg");

    private final String label;

    RejectReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
