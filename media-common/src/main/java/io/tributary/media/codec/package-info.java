/**
 * Decoder configuration records as sequence headers carry them (avcC, hvcC, av1C, AudioSpecificConfig, OpusHead),
 * with what players and manifests need from them: RFC 6381 codec strings, picture size, frame rate, sample rate,
 * channels. Bad input fails with {@link io.tributary.media.codec.CodecConfigException} only.
 */
package io.tributary.media.codec;
