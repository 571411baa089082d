package io.tributary.media.flv;

/** Legacy FLV AACPacketType (FLV 10.1 §E.4.2.1), present when SoundFormat is 10. */
public enum AacPacketType {
    /** The body is an AudioSpecificConfig (ISO 14496-3 §1.6.2.1). */
    SEQUENCE_HEADER(0),
    /** The body is one raw AAC frame. */
    RAW(1);

    private final int value;

    AacPacketType(int value) {
        this.value = value;
    }

    /** The value on the wire. */
    public int value() {
        return value;
    }

    /** The constant with this wire value, or null if the value is reserved or unknown. */
    public static AacPacketType fromValue(int value) {
        for (AacPacketType t : values()) {
            if (t.value == value) {
                return t;
            }
        }
        return null;
    }
}
