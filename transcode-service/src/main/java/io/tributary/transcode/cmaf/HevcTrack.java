package io.tributary.transcode.cmaf;

import io.tributary.transcode.cmaf.box.CodecConfigurationBox;
import io.tributary.transcode.cmaf.box.PaspBox;
import io.tributary.transcode.cmaf.box.SampleEntry;
import io.tributary.transcode.cmaf.box.VisualSampleEntry;
import java.util.Arrays;
import java.util.List;

/**
 * H.265 track: 'hvc1' sample entry with the HEVCDecoderConfigurationRecord of the enhanced-RTMP sequence header as
 * 'hvcC' (ISO/IEC 14496-15 §8.4.1). 'hvc1' (parameter sets only in the header) is the entry Apple players require.
 */
public record HevcTrack(byte[] hevcDecoderConfigurationRecord, int width, int height, String codecString)
        implements VideoFormat {

    public HevcTrack {
        VideoFormat.checkDimensions(width, height);
        if (hevcDecoderConfigurationRecord.length < 23 || hevcDecoderConfigurationRecord[0] != 1) {
            throw new IllegalArgumentException("not an HEVCDecoderConfigurationRecord (version 1, 23+ bytes)");
        }
        hevcDecoderConfigurationRecord = hevcDecoderConfigurationRecord.clone();
    }

    @Override
    public byte[] hevcDecoderConfigurationRecord() {
        return hevcDecoderConfigurationRecord.clone();
    }

    @Override
    public SampleEntry sampleEntry() {
        return new VisualSampleEntry("hvc1", width, height,
                List.of(CodecConfigurationBox.hvcC(hevcDecoderConfigurationRecord), PaspBox.square()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HevcTrack t && width == t.width && height == t.height && codecString.equals(t.codecString)
                && Arrays.equals(hevcDecoderConfigurationRecord, t.hevcDecoderConfigurationRecord);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hevcDecoderConfigurationRecord) * 31 + width * 17 + height;
    }

    @Override
    public String toString() {
        return "HevcTrack[" + codecString + " " + width + "x" + height + "]";
    }
}
