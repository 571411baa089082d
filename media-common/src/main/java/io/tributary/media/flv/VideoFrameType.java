package io.tributary.media.flv;

/** FLV VideoTagHeader FrameType (FLV 10.1 §E.4.3.1; Enhanced RTMP v2 VideoFrameType); 0, 6 and 7 are reserved. */
public enum VideoFrameType {
    /** A seekable frame. */
    KEY_FRAME(1),
    /** A non-seekable frame. */
    INTER_FRAME(2),
    /** H.263 only. */
    DISPOSABLE_INTER_FRAME(3),
    /** Reserved for server use. */
    GENERATED_KEY_FRAME(4),
    /** Video info / command frame: a UI8 command instead of video data. */
    COMMAND(5);

    private final int value;

    VideoFrameType(int value) {
        this.value = value;
    }

    /** The value on the wire. */
    public int value() {
        return value;
    }

    /** The constant with this wire value, or null if the value is reserved or unknown. */
    public static VideoFrameType fromValue(int value) {
        for (VideoFrameType t : values()) {
            if (t.value == value) {
                return t;
            }
        }
        return null;
    }
}
