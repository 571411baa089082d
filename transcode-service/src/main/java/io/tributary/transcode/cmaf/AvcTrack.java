package io.tributary.transcode.cmaf;

import io.tributary.transcode.cmaf.box.CodecConfigurationBox;
import io.tributary.transcode.cmaf.box.PaspBox;
import io.tributary.transcode.cmaf.box.SampleEntry;
import io.tributary.transcode.cmaf.box.VisualSampleEntry;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * H.264 track: 'avc1' sample entry with the AVCDecoderConfigurationRecord of the FLV sequence header as 'avcC'
 * (ISO/IEC 14496-15 §5.4.2). 'avc1' rather than 'avc3': parameter sets live in the header, which is what CMAF's
 * AVC media profiles and Apple's HLS authoring spec expect. Samples are length-prefixed NAL units, as in FLV.
 */
public record AvcTrack(byte[] avcDecoderConfigurationRecord, int width, int height, String codecString)
        implements VideoFormat {

    public AvcTrack {
        VideoFormat.checkDimensions(width, height);
        if (avcDecoderConfigurationRecord.length < 7 || avcDecoderConfigurationRecord[0] != 1) {
            throw new IllegalArgumentException("not an AVCDecoderConfigurationRecord (version 1, 7+ bytes)");
        }
        avcDecoderConfigurationRecord = avcDecoderConfigurationRecord.clone();
    }

    /**
     * Derives the codec string from the record's profile, compatibility and level bytes (RFC 6381 §3.3:
     * {@code avc1.PPCCLL}).
     */
    public static AvcTrack of(byte[] avcDecoderConfigurationRecord, int width, int height) {
        if (avcDecoderConfigurationRecord.length < 4) {
            throw new IllegalArgumentException("AVCDecoderConfigurationRecord too short");
        }
        String codec = "avc1." + HexFormat.of().formatHex(avcDecoderConfigurationRecord, 1, 4);
        return new AvcTrack(avcDecoderConfigurationRecord, width, height, codec);
    }

    @Override
    public byte[] avcDecoderConfigurationRecord() {
        return avcDecoderConfigurationRecord.clone();
    }

    @Override
    public SampleEntry sampleEntry() {
        return new VisualSampleEntry("avc1", width, height,
                List.of(CodecConfigurationBox.avcC(avcDecoderConfigurationRecord), PaspBox.square()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AvcTrack t && width == t.width && height == t.height && codecString.equals(t.codecString)
                && Arrays.equals(avcDecoderConfigurationRecord, t.avcDecoderConfigurationRecord);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(avcDecoderConfigurationRecord) * 31 + width * 17 + height;
    }

    @Override
    public String toString() {
        return "AvcTrack[" + codecString + " " + width + "x" + height + "]";
    }
}
