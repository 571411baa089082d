package io.tributary.media.gop;

/** Flags of a GOP record, carried in the {@value GopHeaders#FLAGS} header by their {@link #headerValue()}. */
public enum GopFlag {
    /** The first record of a session. */
    FIRST("first"),
    /** The session's end: the last record of a session, possibly with no tags. */
    LAST("last"),
    /** A later part of a GOP too large for one record; it does not start with a keyframe. */
    CONTINUED("continued");

    private final String headerValue;

    GopFlag(String headerValue) {
        this.headerValue = headerValue;
    }

    public String headerValue() {
        return headerValue;
    }

    /** The flag with this header value, or null. */
    public static GopFlag fromHeaderValue(String value) {
        for (GopFlag f : values()) {
            if (f.headerValue.equals(value)) {
                return f;
            }
        }
        return null;
    }
}
