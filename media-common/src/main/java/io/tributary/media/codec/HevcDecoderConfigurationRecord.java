package io.tributary.media.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * HEVCDecoderConfigurationRecord (ISO 14496-15 §8.3.3.1): the body of an E-RTMP {@code hvc1} SequenceStart and
 * of an MP4 {@code hvcC} box. Reserved bits are written as ones, as the standard says.
 *
 * @param generalProfileCompatibilityFlags the 32 flags, flag 0 in the most significant bit
 * @param generalConstraintIndicatorFlags  the 48 bits, progressive_source_flag in bit 47
 * @param avgFrameRate                     frames per 256 seconds, 0 when unspecified
 * @param lengthSizeMinusOne               NAL unit length prefix size in coded frames, minus one
 * @param arrays                           parameter sets and SEI by NAL unit type, in record order
 */
public record HevcDecoderConfigurationRecord(int configurationVersion, int generalProfileSpace, boolean generalTierFlag,
                                             int generalProfileIdc, int generalProfileCompatibilityFlags,
                                             long generalConstraintIndicatorFlags, int generalLevelIdc,
                                             int minSpatialSegmentationIdc, int parallelismType, int chromaFormat,
                                             int bitDepthLumaMinus8, int bitDepthChromaMinus8, int avgFrameRate,
                                             int constantFrameRate, int numTemporalLayers, boolean temporalIdNested,
                                             int lengthSizeMinusOne, List<NalUnitArray> arrays)
        implements VideoDecoderConfiguration {

    public static final int NAL_TYPE_VPS = 32;
    public static final int NAL_TYPE_SPS = 33;
    /**
     * NAL units a record may hold, over all its arrays: encoders write a VPS, an SPS and a PPS (a few more with SEI or
     * several layers); untrusted bytes claiming two-byte empty units by the million would cost an object each.
     */
    public static final int MAX_NAL_UNITS = 256;
    public static final int NAL_TYPE_PPS = 34;

    /** One array of the record: NAL units of one type. */
    public record NalUnitArray(boolean arrayCompleteness, int nalUnitType, List<NalUnit> nalUnits) {
        public NalUnitArray {
            nalUnits = List.copyOf(nalUnits);
            if (nalUnitType < 0 || nalUnitType > 63 || nalUnits.size() > 0xFFFF) {
                throw new IllegalArgumentException("NAL_unit_type is 0..63 and an array holds up to 65535 units");
            }
            ConfigBytes.checkNalLengths(nalUnits, "NAL unit");
        }
    }

    public HevcDecoderConfigurationRecord {
        arrays = List.copyOf(arrays);
        if (arrays.size() > 255) {
            throw new IllegalArgumentException("an hvcC has up to 255 arrays");
        }
    }

    public static HevcDecoderConfigurationRecord parse(byte[] bytes) {
        BitReader r = new BitReader(bytes, "HEVCDecoderConfigurationRecord");
        int version = r.u8();
        if (version != 1) {
            throw new CodecConfigException("HEVCDecoderConfigurationRecord version " + version + " (only 1 exists)");
        }
        int profileSpace = r.u(2);
        boolean tier = r.flag();
        int profileIdc = r.u(5);
        int compatibility = (int) r.bits(32);
        long constraints = (r.bits(16) << 32) | r.bits(32);
        int level = r.u8();
        r.skip(4);
        int minSpatialSegmentation = r.u(12);
        r.skip(6);
        int parallelism = r.u(2);
        r.skip(6);
        int chroma = r.u(2);
        r.skip(5);
        int lumaDepth = r.u(3);
        r.skip(5);
        int chromaDepth = r.u(3);
        int avgFrameRate = r.u16();
        int constantFrameRate = r.u(2);
        int temporalLayers = r.u(3);
        boolean nested = r.flag();
        int lengthSizeMinusOne = r.u(2);
        int numArrays = r.u8();
        List<NalUnitArray> arrays = new ArrayList<>(numArrays);
        int units = 0;
        for (int i = 0; i < numArrays; i++) {
            boolean complete = r.flag();
            r.skip(1);
            int type = r.u(6);
            int numNalus = r.u16();
            if (numNalus * 2L > r.bytesLeft()) { // each NAL unit takes at least its 16-bit length
                throw new CodecConfigException("HEVCDecoderConfigurationRecord claims " + numNalus
                        + " NAL units in " + r.bytesLeft() + " bytes");
            }
            units += numNalus;
            if (units > MAX_NAL_UNITS) {
                throw new CodecConfigException("HEVCDecoderConfigurationRecord holds more than " + MAX_NAL_UNITS
                        + " NAL units");
            }
            List<NalUnit> nalus = new ArrayList<>(numNalus);
            for (int j = 0; j < numNalus; j++) {
                nalus.add(new NalUnit(r.bytes(r.u16())));
            }
            arrays.add(new NalUnitArray(complete, type, nalus));
        }
        return new HevcDecoderConfigurationRecord(version, profileSpace, tier, profileIdc, compatibility, constraints,
                level, minSpatialSegmentation, parallelism, chroma, lumaDepth, chromaDepth, avgFrameRate,
                constantFrameRate, temporalLayers, nested, lengthSizeMinusOne, arrays);
    }

    /** The NAL units of one type, in record order. */
    public List<NalUnit> nalUnits(int nalUnitType) {
        List<NalUnit> out = new ArrayList<>();
        for (NalUnitArray a : arrays) {
            if (a.nalUnitType() == nalUnitType) {
                out.addAll(a.nalUnits());
            }
        }
        return out;
    }

    /** The first SPS, parsed; null when the record has none. */
    public HevcSequenceParameterSet sps() {
        List<NalUnit> sps = nalUnits(NAL_TYPE_SPS);
        return sps.isEmpty() ? null : HevcSequenceParameterSet.parse(sps.get(0));
    }

    @Override
    public VideoCodec codec() {
        return VideoCodec.HEVC;
    }

    /**
     * {@code hvc1.[A|B|C]<profile_idc>.<compatibility flags reversed, hex>.<L|H><level_idc>.<constraint bytes>}
     * (ISO 14496-15 Annex E.3): constraint bytes in hex separated by dots, trailing zero bytes left out.
     */
    @Override
    public String codecString() {
        StringBuilder sb = new StringBuilder("hvc1.");
        if (generalProfileSpace > 0) {
            sb.append((char) ('A' + generalProfileSpace - 1));
        }
        sb.append(generalProfileIdc).append('.');
        sb.append(Integer.toHexString(Integer.reverse(generalProfileCompatibilityFlags)).toUpperCase());
        sb.append('.').append(generalTierFlag ? 'H' : 'L').append(generalLevelIdc);
        int lastNonZero = -1;
        for (int i = 0; i < 6; i++) {
            if (constraintByte(i) != 0) {
                lastNonZero = i;
            }
        }
        for (int i = 0; i <= lastNonZero; i++) {
            sb.append('.').append(Integer.toHexString(constraintByte(i)).toUpperCase());
        }
        return sb.toString();
    }

    private int constraintByte(int i) {
        return (int) (generalConstraintIndicatorFlags >>> (40 - 8 * i)) & 0xFF;
    }

    @Override
    public int width() {
        HevcSequenceParameterSet sps = sps();
        return sps == null ? 0 : sps.width();
    }

    @Override
    public int height() {
        HevcSequenceParameterSet sps = sps();
        return sps == null ? 0 : sps.height();
    }

    @Override
    public double frameRate() {
        return avgFrameRate / 256.0;
    }

    @Override
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(configurationVersion);
        out.write((generalProfileSpace << 6) | (generalTierFlag ? 0x20 : 0) | generalProfileIdc);
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write(generalProfileCompatibilityFlags >>> shift);
        }
        for (int shift = 40; shift >= 0; shift -= 8) {
            out.write((int) (generalConstraintIndicatorFlags >>> shift));
        }
        out.write(generalLevelIdc);
        ConfigBytes.u16(out, 0xF000 | minSpatialSegmentationIdc);
        out.write(0xFC | parallelismType);
        out.write(0xFC | chromaFormat);
        out.write(0xF8 | bitDepthLumaMinus8);
        out.write(0xF8 | bitDepthChromaMinus8);
        ConfigBytes.u16(out, avgFrameRate);
        out.write((constantFrameRate << 6) | (numTemporalLayers << 3) | (temporalIdNested ? 4 : 0)
                | lengthSizeMinusOne);
        out.write(arrays.size());
        for (NalUnitArray a : arrays) {
            out.write((a.arrayCompleteness() ? 0x80 : 0) | a.nalUnitType());
            ConfigBytes.u16(out, a.nalUnits().size());
            ConfigBytes.nalUnits16(out, a.nalUnits());
        }
        return out.toByteArray();
    }
}
