package io.tributary.media.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The Opus identification header (RFC 7845 §5.1), the body of an E-RTMP {@code Opus} SequenceStart. Multi-byte
 * fields are little-endian, unlike anything else in FLV. Data after the header (allowed for future minor
 * versions) is ignored, and {@link #toBytes()} writes the header alone. Equal by content.
 *
 * @param version         1 today; any version with major part 0 (below 16) is accepted
 * @param preSkip         samples at 48 kHz to discard from the decoder output at the start
 * @param inputSampleRate the encoder's input rate, informational only: Opus always decodes at 48 kHz
 * @param outputGain      Q7.8 dB
 * @param streamCount     for family 0 implied: 1
 * @param coupledCount    for family 0 implied: channels - 1
 * @param channelMapping  one byte per channel for families other than 0, empty for family 0
 */
public record OpusHead(int version, int channelCount, int preSkip, long inputSampleRate, int outputGain,
                       int channelMappingFamily, int streamCount, int coupledCount, byte[] channelMapping)
        implements AudioDecoderConfiguration {

    private static final byte[] MAGIC = "OpusHead".getBytes(StandardCharsets.US_ASCII);
    /** Opus decodes at 48 kHz whatever the input was (RFC 7845 §5.1, "Input Sample Rate"). */
    public static final int OUTPUT_SAMPLE_RATE = 48_000;

    public OpusHead {
        Objects.requireNonNull(channelMapping, "channelMapping");
    }

    /** True if {@code payload} starts with the "OpusHead" magic; E-RTMP also allows the comment header here. */
    public static boolean isOpusHead(byte[] payload) {
        return payload.length >= MAGIC.length && Arrays.equals(payload, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    public static OpusHead parse(byte[] bytes) {
        if (!isOpusHead(bytes)) {
            throw new CodecConfigException("not an Opus identification header (no \"OpusHead\" magic)");
        }
        if (bytes.length < 19) {
            throw new CodecConfigException("OpusHead truncated: " + bytes.length + " bytes, at least 19 needed");
        }
        int version = bytes[8] & 0xFF;
        if (version >= 16) {
            throw new CodecConfigException("OpusHead major version " + (version >> 4) + " is not understood");
        }
        int channels = bytes[9] & 0xFF;
        if (channels == 0) {
            throw new CodecConfigException("OpusHead with 0 channels");
        }
        int preSkip = le16(bytes, 10);
        long inputRate = le16(bytes, 12) | ((long) le16(bytes, 14) << 16);
        int gain = (short) le16(bytes, 16);
        int family = bytes[18] & 0xFF;
        if (family == 0) {
            if (channels > 2) {
                throw new CodecConfigException("OpusHead mapping family 0 with " + channels + " channels");
            }
            return new OpusHead(version, channels, preSkip, inputRate, gain, family, 1, channels - 1, new byte[0]);
        }
        if (bytes.length < 21 + channels) {
            throw new CodecConfigException("OpusHead channel mapping table truncated");
        }
        int streams = bytes[19] & 0xFF;
        int coupled = bytes[20] & 0xFF;
        if (streams == 0 || coupled > streams || streams + coupled > 255) {
            throw new CodecConfigException("OpusHead with " + streams + " streams, " + coupled + " coupled");
        }
        byte[] mapping = Arrays.copyOfRange(bytes, 21, 21 + channels);
        for (byte m : mapping) {
            int index = m & 0xFF;
            if (index != 255 && index >= streams + coupled) { // 255 = silence
                throw new CodecConfigException("OpusHead channel mapping " + index + " names no stream");
            }
        }
        return new OpusHead(version, channels, preSkip, inputRate, gain, family, streams, coupled, mapping);
    }

    private static int le16(byte[] b, int at) {
        return (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8);
    }

    @Override
    public AudioCodec codec() {
        return AudioCodec.OPUS;
    }

    /** {@code opus}, as the Opus-in-ISOBMFF encapsulation names it. */
    @Override
    public String codecString() {
        return "opus";
    }

    @Override
    public int sampleRate() {
        return OUTPUT_SAMPLE_RATE;
    }

    @Override
    public int channels() {
        return channelCount;
    }

    @Override
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        out.write(version);
        out.write(channelCount);
        le16(out, preSkip);
        le16(out, (int) inputSampleRate);
        le16(out, (int) (inputSampleRate >>> 16));
        le16(out, outputGain);
        out.write(channelMappingFamily);
        if (channelMappingFamily != 0) {
            out.write(streamCount);
            out.write(coupledCount);
            out.writeBytes(channelMapping);
        }
        return out.toByteArray();
    }

    private static void le16(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpusHead h && h.version == version && h.channelCount == channelCount
                && h.preSkip == preSkip && h.inputSampleRate == inputSampleRate && h.outputGain == outputGain
                && h.channelMappingFamily == channelMappingFamily && h.streamCount == streamCount
                && h.coupledCount == coupledCount && Arrays.equals(h.channelMapping, channelMapping);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, channelCount, preSkip, inputSampleRate, outputGain, channelMappingFamily,
                streamCount, coupledCount, Arrays.hashCode(channelMapping));
    }

    @Override
    public String toString() {
        return "OpusHead[" + channelCount + " channels, family " + channelMappingFamily + ", preSkip " + preSkip + "]";
    }
}
