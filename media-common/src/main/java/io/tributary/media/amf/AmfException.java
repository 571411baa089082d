package io.tributary.media.amf;

/**
 * The only failure of the AMF codecs: the bytes are not a value this decoder accepts (truncated, malformed, over a
 * limit, or a feature we reject on purpose), or a value cannot be encoded. The message says which and where.
 */
public final class AmfException extends RuntimeException {
    public AmfException(String message) {
        super(message);
    }
}
