package io.tributary.media.codec;

/** The only failure of the codec configuration parsers: bytes that are not a configuration this code accepts. */
public final class CodecConfigException extends RuntimeException {
    public CodecConfigException(String message) {
        super(message);
    }
}
