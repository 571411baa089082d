package io.tributary.transcode.cmaf;

import io.tributary.transcode.cmaf.box.CodecConfigurationBox;
import io.tributary.transcode.cmaf.box.PaspBox;
import io.tributary.transcode.cmaf.box.SampleEntry;
import io.tributary.transcode.cmaf.box.VisualSampleEntry;
import java.util.Arrays;
import java.util.List;

/**
 * AV1 track: 'av01' sample entry with the AV1CodecConfigurationRecord of the enhanced-RTMP sequence header as 'av1C'
 * (AV1 Codec ISO Media File Format Binding §2.2, §2.3). Samples are OBUs without temporal delimiters, as in
 * enhanced FLV.
 */
public record Av1Track(byte[] av1CodecConfigurationRecord, int width, int height, String codecString)
        implements VideoFormat {

    public Av1Track {
        VideoFormat.checkDimensions(width, height);
        // marker (1 bit) = 1 and version (7 bits) = 1: the record's first byte is always 0x81 (§2.3.3)
        if (av1CodecConfigurationRecord.length < 4 || (av1CodecConfigurationRecord[0] & 0xFF) != 0x81) {
            throw new IllegalArgumentException("not an AV1CodecConfigurationRecord (marker 1, version 1, 4+ bytes)");
        }
        av1CodecConfigurationRecord = av1CodecConfigurationRecord.clone();
    }

    @Override
    public byte[] av1CodecConfigurationRecord() {
        return av1CodecConfigurationRecord.clone();
    }

    @Override
    public SampleEntry sampleEntry() {
        return new VisualSampleEntry("av01", width, height,
                List.of(CodecConfigurationBox.av1C(av1CodecConfigurationRecord), PaspBox.square()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Av1Track t && width == t.width && height == t.height && codecString.equals(t.codecString)
                && Arrays.equals(av1CodecConfigurationRecord, t.av1CodecConfigurationRecord);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(av1CodecConfigurationRecord) * 31 + width * 17 + height;
    }

    @Override
    public String toString() {
        return "Av1Track[" + codecString + " " + width + "x" + height + "]";
    }
}
