package io.tributary.media.amf;

/** AMF0 type markers (AMF0 specification, Adobe, 2007, §2.1). */
final class Amf0Marker {
    static final int NUMBER = 0x00;
    static final int BOOLEAN = 0x01;
    static final int STRING = 0x02;
    static final int OBJECT = 0x03;
    /** Reserved, not supported by Flash Player either. */
    static final int MOVIECLIP = 0x04;
    static final int NULL = 0x05;
    static final int UNDEFINED = 0x06;
    static final int REFERENCE = 0x07;
    static final int ECMA_ARRAY = 0x08;
    static final int OBJECT_END = 0x09;
    static final int STRICT_ARRAY = 0x0A;
    static final int DATE = 0x0B;
    static final int LONG_STRING = 0x0C;
    static final int UNSUPPORTED = 0x0D;
    /** Reserved. */
    static final int RECORDSET = 0x0E;
    static final int XML_DOCUMENT = 0x0F;
    static final int TYPED_OBJECT = 0x10;
    /** Switch to AMF3 for the next value (§3.1). */
    static final int AVMPLUS_OBJECT = 0x11;

    /** UTF-8 "short" strings (property names, class names, {@link #STRING}) have a 16-bit byte length. */
    static final int MAX_SHORT_STRING_BYTES = 0xFFFF;

    private Amf0Marker() {
    }
}
