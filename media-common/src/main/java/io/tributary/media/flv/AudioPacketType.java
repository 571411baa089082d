package io.tributary.media.flv;

/**
 * E-RTMP AudioPacketType (Enhanced RTMP v2, "Enhanced Audio"); 5 (Multitrack) and 7 (ModEx) are rejected, 3, 6 and
 * 8 to 15 reserved.
 */
public enum AudioPacketType {
    /** The body is the codec configuration (AudioSpecificConfig, OpusHead…). */
    SEQUENCE_START(0),
    CODED_FRAMES(1),
    SEQUENCE_END(2),
    /** The body describes channel order and mapping. */
    MULTICHANNEL_CONFIG(4);

    private final int value;

    AudioPacketType(int value) {
        this.value = value;
    }

    /** The value on the wire. */
    public int value() {
        return value;
    }

    /** The constant with this wire value, or null if the value is reserved or unknown. */
    public static AudioPacketType fromValue(int value) {
        for (AudioPacketType t : values()) {
            if (t.value == value) {
                return t;
            }
        }
        return null;
    }
}
