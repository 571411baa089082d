package io.tributary.transcode.cmaf.box;

import java.util.Arrays;

/**
 * OpusSpecificBox 'dOps' (Encapsulation of Opus in ISO BMFF, §4.3.2). Unlike the little-endian OpusHead of Ogg
 * (RFC 7845 §5.1) it is big-endian and has no magic signature; the channel mapping table is present only for mapping
 * families other than 0.
 */
public record DopsBox(int outputChannelCount, int preSkip, long inputSampleRate, int outputGain,
                      int channelMappingFamily, int streamCount, int coupledCount, byte[] channelMapping)
        implements Box {

    public DopsBox {
        channelMapping = channelMapping.clone();
        if (channelMappingFamily != 0 && channelMapping.length != outputChannelCount) {
            throw new IllegalArgumentException("channel mapping family " + channelMappingFamily + " needs "
                    + outputChannelCount + " mapping entries, got " + channelMapping.length);
        }
    }

    /** Mapping family 0: mono or stereo, one stream, no mapping table. */
    public static DopsBox family0(int outputChannelCount, int preSkip, long inputSampleRate, int outputGain) {
        return new DopsBox(outputChannelCount, preSkip, inputSampleRate, outputGain, 0, 1,
                outputChannelCount - 1, new byte[0]);
    }

    @Override
    public byte[] channelMapping() {
        return channelMapping.clone();
    }

    @Override
    public void write(BoxWriter out) {
        out.box("dOps", () -> {
            out.u8(0); // Version
            out.u8(outputChannelCount);
            out.u16(preSkip);
            out.u32(inputSampleRate);
            out.i16(outputGain);
            out.u8(channelMappingFamily);
            if (channelMappingFamily != 0) {
                out.u8(streamCount).u8(coupledCount).bytes(channelMapping);
            }
        });
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DopsBox d && outputChannelCount == d.outputChannelCount && preSkip == d.preSkip
                && inputSampleRate == d.inputSampleRate && outputGain == d.outputGain
                && channelMappingFamily == d.channelMappingFamily && streamCount == d.streamCount
                && coupledCount == d.coupledCount && Arrays.equals(channelMapping, d.channelMapping);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new long[] {outputChannelCount, preSkip, inputSampleRate, outputGain,
            channelMappingFamily, streamCount, coupledCount}) * 31 + Arrays.hashCode(channelMapping);
    }

    @Override
    public String toString() {
        return "DopsBox[channels=" + outputChannelCount + ", preSkip=" + preSkip + ", inputSampleRate="
                + inputSampleRate + ", outputGain=" + outputGain + ", family=" + channelMappingFamily
                + ", streams=" + streamCount + ", coupled=" + coupledCount
                + ", mapping=" + Arrays.toString(channelMapping) + "]";
    }
}
