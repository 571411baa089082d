package io.tributary.media.flv;

/** Legacy FLV AVCPacketType (FLV 10.1 §E.4.3.1), present when CodecID is 7. */
public enum AvcPacketType {
    /** The body is an AVCDecoderConfigurationRecord. */
    SEQUENCE_HEADER(0),
    /** One or more length-prefixed NAL units of one access unit. */
    NALU(1),
    END_OF_SEQUENCE(2);

    private final int value;

    AvcPacketType(int value) {
        this.value = value;
    }

    /** The value on the wire. */
    public int value() {
        return value;
    }

    /** The constant with this wire value, or null if the value is reserved or unknown. */
    public static AvcPacketType fromValue(int value) {
        for (AvcPacketType t : values()) {
            if (t.value == value) {
                return t;
            }
        }
        return null;
    }
}
