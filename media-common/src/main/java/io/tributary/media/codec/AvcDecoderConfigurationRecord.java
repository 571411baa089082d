package io.tributary.media.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * AVCDecoderConfigurationRecord (ISO 14496-15 §5.3.3.1): the body of an H.264 sequence header and of an MP4
 * {@code avcC} box. Reserved bits are written as ones, as the standard says.
 *
 * @param lengthSizeMinusOne NAL unit length prefix size in coded frames, minus one (3 for 4-byte prefixes)
 * @param extension          the chroma format and bit depth fields that High profiles add; null when absent
 *                           (older writers, GStreamer among them, leave them out)
 */
public record AvcDecoderConfigurationRecord(int configurationVersion, int profileIndication, int profileCompatibility,
                                            int levelIndication, int lengthSizeMinusOne,
                                            List<NalUnit> sequenceParameterSets, List<NalUnit> pictureParameterSets,
                                            Extension extension) implements VideoDecoderConfiguration {

    /** The High-profile tail of the record (§5.3.3.1.2, present when profile_idc is 100, 110, 122 or 144). */
    public record Extension(int chromaFormat, int bitDepthLumaMinus8, int bitDepthChromaMinus8,
                            List<NalUnit> sequenceParameterSetExts) {
        public Extension {
            sequenceParameterSetExts = List.copyOf(sequenceParameterSetExts);
            ConfigBytes.checkNalLengths(sequenceParameterSetExts, "SPS extension");
        }
    }

    public AvcDecoderConfigurationRecord {
        sequenceParameterSets = List.copyOf(sequenceParameterSets);
        pictureParameterSets = List.copyOf(pictureParameterSets);
        if (sequenceParameterSets.isEmpty() || sequenceParameterSets.size() > 31 || pictureParameterSets.size() > 255) {
            throw new IllegalArgumentException("an avcC has 1 to 31 SPS and up to 255 PPS");
        }
        ConfigBytes.checkNalLengths(sequenceParameterSets, "SPS");
        ConfigBytes.checkNalLengths(pictureParameterSets, "PPS");
    }

    public static AvcDecoderConfigurationRecord parse(byte[] bytes) {
        BitReader r = new BitReader(bytes, "AVCDecoderConfigurationRecord");
        int version = r.u8();
        if (version != 1) {
            throw new CodecConfigException("AVCDecoderConfigurationRecord version " + version + " (only 1 exists)");
        }
        int profile = r.u8();
        int compatibility = r.u8();
        int level = r.u8();
        r.skip(6);
        int lengthSizeMinusOne = r.u(2);
        r.skip(3);
        List<NalUnit> sps = nalUnits(r, r.u(5));
        List<NalUnit> pps = nalUnits(r, r.u8());
        if (sps.isEmpty()) {
            throw new CodecConfigException("AVCDecoderConfigurationRecord without an SPS");
        }
        Extension extension = null;
        if ((profile == 100 || profile == 110 || profile == 122 || profile == 144) && r.bytesLeft() >= 4) {
            r.skip(6);
            int chromaFormat = r.u(2);
            r.skip(5);
            int bitDepthLuma = r.u(3);
            r.skip(5);
            int bitDepthChroma = r.u(3);
            extension = new Extension(chromaFormat, bitDepthLuma, bitDepthChroma, nalUnits(r, r.u8()));
        }
        return new AvcDecoderConfigurationRecord(version, profile, compatibility, level, lengthSizeMinusOne, sps, pps,
                extension);
    }

    private static List<NalUnit> nalUnits(BitReader r, int count) {
        List<NalUnit> nals = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            nals.add(new NalUnit(r.bytes(r.u16())));
        }
        return nals;
    }

    /** The first SPS, parsed. */
    public AvcSequenceParameterSet sps() {
        return AvcSequenceParameterSet.parse(sequenceParameterSets.get(0));
    }

    @Override
    public VideoCodec codec() {
        return VideoCodec.AVC;
    }

    /** {@code avc1.PPCCLL}: profile, constraint flags and level in hex (RFC 6381 §3.3, ISO 14496-15 Annex E). */
    @Override
    public String codecString() {
        return String.format("avc1.%02x%02x%02x", profileIndication, profileCompatibility, levelIndication);
    }

    @Override
    public int width() {
        return sps().width();
    }

    @Override
    public int height() {
        return sps().height();
    }

    @Override
    public double frameRate() {
        return sps().frameRate();
    }

    @Override
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(configurationVersion);
        out.write(profileIndication);
        out.write(profileCompatibility);
        out.write(levelIndication);
        out.write(0xFC | lengthSizeMinusOne);
        out.write(0xE0 | sequenceParameterSets.size());
        ConfigBytes.nalUnits16(out, sequenceParameterSets);
        out.write(pictureParameterSets.size());
        ConfigBytes.nalUnits16(out, pictureParameterSets);
        if (extension != null) {
            out.write(0xFC | extension.chromaFormat());
            out.write(0xF8 | extension.bitDepthLumaMinus8());
            out.write(0xF8 | extension.bitDepthChromaMinus8());
            out.write(extension.sequenceParameterSetExts().size());
            ConfigBytes.nalUnits16(out, extension.sequenceParameterSetExts());
        }
        return out.toByteArray();
    }
}
