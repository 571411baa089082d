package io.tributary.media.flv;

/**
 * E-RTMP VideoPacketType (Enhanced RTMP v1, Table 4 "ExVideoTagHeader"); 6 (Multitrack) and 7 (ModEx) are v2
 * features we reject, the rest reserved.
 */
public enum VideoPacketType {
    /** The body is the codec configuration record. */
    SEQUENCE_START(0),
    /** Coded frames; for avc1/hvc1 an SI24 composition time offset comes first. */
    CODED_FRAMES(1),
    SEQUENCE_END(2),
    /** Coded frames with an implied composition time offset of zero. */
    CODED_FRAMES_X(3),
    /** AMF-encoded metadata such as colorInfo; the frame type is ignored. */
    METADATA(4),
    /** The body is an MPEG-2 TS descriptor (AV1VideoDescriptor). */
    MPEG2TS_SEQUENCE_START(5);

    private final int value;

    VideoPacketType(int value) {
        this.value = value;
    }

    /** The value on the wire. */
    public int value() {
        return value;
    }

    /** The constant with this wire value, or null if the value is reserved or unknown. */
    public static VideoPacketType fromValue(int value) {
        for (VideoPacketType t : values()) {
            if (t.value == value) {
                return t;
            }
        }
        return null;
    }
}
