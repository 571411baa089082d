package io.tributary.media.codec;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * AV1CodecConfigurationRecord (AV1 Codec ISO Media File Format Binding §2.3.3): the body of an E-RTMP
 * {@code av01} SequenceStart and of an MP4 {@code av1C} box. The picture size comes from the sequence header OBU
 * among {@code configObus}. Equal by content.
 *
 * @param initialPresentationDelayMinusOne meaningful only when {@code initialPresentationDelayPresent}
 * @param configObus                       zero or more OBUs, normally the sequence header
 */
public record Av1CodecConfigurationRecord(int seqProfile, int seqLevelIdx0, int seqTier0, boolean highBitdepth,
                                          boolean twelveBit, boolean monochrome, boolean chromaSubsamplingX,
                                          boolean chromaSubsamplingY, int chromaSamplePosition,
                                          boolean initialPresentationDelayPresent,
                                          int initialPresentationDelayMinusOne, byte[] configObus)
        implements VideoDecoderConfiguration {

    public Av1CodecConfigurationRecord {
        Objects.requireNonNull(configObus, "configObus");
    }

    public static Av1CodecConfigurationRecord parse(byte[] bytes) {
        BitReader r = new BitReader(bytes, "AV1CodecConfigurationRecord");
        boolean marker = r.flag();
        int version = r.u(7);
        if (!marker || version != 1) {
            throw new CodecConfigException("AV1CodecConfigurationRecord marker/version " + (marker ? 1 : 0) + "/"
                    + version + " (must be 1/1)");
        }
        int profile = r.u(3);
        int level = r.u(5);
        int tier = r.u(1);
        boolean highBitdepth = r.flag();
        boolean twelveBit = r.flag();
        boolean monochrome = r.flag();
        boolean subX = r.flag();
        boolean subY = r.flag();
        int samplePosition = r.u(2);
        r.skip(3); // reserved
        boolean delayPresent = r.flag();
        int delay = r.u(4);
        return new Av1CodecConfigurationRecord(profile, level, tier, highBitdepth, twelveBit, monochrome, subX, subY,
                samplePosition, delayPresent, delayPresent ? delay : 0, r.bytes(r.bytesLeft()));
    }

    /** The sequence header among the config OBUs; null when there is none. */
    public Av1SequenceHeader sequenceHeader() {
        return Av1SequenceHeader.find(configObus);
    }

    public int bitDepth() {
        return highBitdepth ? (twelveBit ? 12 : 10) : 8;
    }

    @Override
    public VideoCodec codec() {
        return VideoCodec.AV1;
    }

    /** {@code av01.P.LLT.DD} (AV1 ISOBMFF binding, "Codecs Parameter String"), optional fields left out. */
    @Override
    public String codecString() {
        return String.format("av01.%d.%02d%s.%02d", seqProfile, seqLevelIdx0, seqTier0 == 0 ? "M" : "H", bitDepth());
    }

    @Override
    public int width() {
        Av1SequenceHeader h = sequenceHeader();
        return h == null ? 0 : h.maxFrameWidth();
    }

    @Override
    public int height() {
        Av1SequenceHeader h = sequenceHeader();
        return h == null ? 0 : h.maxFrameHeight();
    }

    @Override
    public double frameRate() {
        Av1SequenceHeader h = sequenceHeader();
        return h == null ? 0 : h.frameRate();
    }

    @Override
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x81); // marker 1, version 1
        out.write((seqProfile << 5) | seqLevelIdx0);
        out.write((seqTier0 << 7) | bit(highBitdepth, 6) | bit(twelveBit, 5) | bit(monochrome, 4)
                | bit(chromaSubsamplingX, 3) | bit(chromaSubsamplingY, 2) | chromaSamplePosition);
        out.write(bit(initialPresentationDelayPresent, 4) | (initialPresentationDelayPresent
                ? initialPresentationDelayMinusOne : 0));
        out.writeBytes(configObus);
        return out.toByteArray();
    }

    private static int bit(boolean b, int position) {
        return b ? 1 << position : 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Av1CodecConfigurationRecord a && a.seqProfile == seqProfile
                && a.seqLevelIdx0 == seqLevelIdx0 && a.seqTier0 == seqTier0 && a.highBitdepth == highBitdepth
                && a.twelveBit == twelveBit && a.monochrome == monochrome
                && a.chromaSubsamplingX == chromaSubsamplingX && a.chromaSubsamplingY == chromaSubsamplingY
                && a.chromaSamplePosition == chromaSamplePosition
                && a.initialPresentationDelayPresent == initialPresentationDelayPresent
                && a.initialPresentationDelayMinusOne == initialPresentationDelayMinusOne
                && Arrays.equals(a.configObus, configObus);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seqProfile, seqLevelIdx0, seqTier0, bitDepth(), Arrays.hashCode(configObus));
    }

    @Override
    public String toString() {
        return "Av1CodecConfigurationRecord[" + codecString() + ", " + configObus.length + " bytes of OBUs]";
    }
}
