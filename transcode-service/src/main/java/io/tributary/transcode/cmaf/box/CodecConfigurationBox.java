package io.tributary.transcode.cmaf.box;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

/**
 * A box whose payload is a codec's own configuration record, written byte for byte as the encoder produced it:
 * 'avcC' (AVCDecoderConfigurationRecord, ISO/IEC 14496-15 §5.3.3.1), 'hvcC' (HEVCDecoderConfigurationRecord,
 * §8.3.3.1), 'av1C' (AV1CodecConfigurationRecord, AV1-ISOBMFF §2.3.3). FLV and enhanced RTMP sequence headers carry
 * exactly these records, so they are never re-encoded here.
 */
public record CodecConfigurationBox(String type, byte[] record) implements Box {
    private static final Set<String> TYPES = Set.of("avcC", "hvcC", "av1C");

    public CodecConfigurationBox {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("not a codec configuration box type: " + type);
        }
        if (record.length == 0) {
            throw new IllegalArgumentException(type + " record is empty");
        }
        record = record.clone();
    }

    public static CodecConfigurationBox avcC(byte[] avcDecoderConfigurationRecord) {
        return new CodecConfigurationBox("avcC", avcDecoderConfigurationRecord);
    }

    public static CodecConfigurationBox hvcC(byte[] hevcDecoderConfigurationRecord) {
        return new CodecConfigurationBox("hvcC", hevcDecoderConfigurationRecord);
    }

    public static CodecConfigurationBox av1C(byte[] av1CodecConfigurationRecord) {
        return new CodecConfigurationBox("av1C", av1CodecConfigurationRecord);
    }

    @Override
    public byte[] record() {
        return record.clone();
    }

    @Override
    public void write(BoxWriter out) {
        out.box(type, () -> out.bytes(record));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodecConfigurationBox other && type.equals(other.type)
                && Arrays.equals(record, other.record);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(record);
    }

    @Override
    public String toString() {
        return type + "[" + HexFormat.of().formatHex(record) + "]";
    }
}
