package io.tributary.transcode.cmaf.box;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * ESDBox 'esds' (ISO/IEC 14496-14 §5.6) for MPEG-4 audio: an ES_Descriptor holding a DecoderConfigDescriptor (object
 * type 0x40, ISO/IEC 14496-3 audio; stream type 0x05, audio) with the AudioSpecificConfig as its
 * DecoderSpecificInfo, and an SLConfigDescriptor with the MP4 predefined value 2 (ISO/IEC 14496-1 §7.2.6).
 *
 * <p>Descriptor lengths use the shortest form of the expandable size (14496-1 §8.3.3): seven bits per byte.
 * Bitrates and buffer size may be 0 ("unknown"): a live packager cannot know them when it writes the header.
 */
public record EsdsBox(byte[] audioSpecificConfig, int bufferSizeDb, long maxBitrate, long avgBitrate) implements Box {
    static final int ES_DESCRIPTOR_TAG = 0x03;
    static final int DECODER_CONFIG_DESCRIPTOR_TAG = 0x04;
    static final int DECODER_SPECIFIC_INFO_TAG = 0x05;
    static final int SL_CONFIG_DESCRIPTOR_TAG = 0x06;
    /** objectTypeIndication: Audio ISO/IEC 14496-3. */
    static final int OBJECT_TYPE_MPEG4_AUDIO = 0x40;
    /** streamType 0x05 (AudioStream) in the upper six bits, upStream 0, reserved 1. */
    static final int STREAM_TYPE_AUDIO_BYTE = (0x05 << 2) | 1;

    public EsdsBox {
        if (audioSpecificConfig.length == 0) {
            throw new IllegalArgumentException("AudioSpecificConfig is empty");
        }
        audioSpecificConfig = audioSpecificConfig.clone();
    }

    public static EsdsBox of(byte[] audioSpecificConfig) {
        return new EsdsBox(audioSpecificConfig, 0, 0, 0);
    }

    @Override
    public byte[] audioSpecificConfig() {
        return audioSpecificConfig.clone();
    }

    @Override
    public void write(BoxWriter out) {
        out.fullBox("esds", 0, 0, () -> descriptor(out, ES_DESCRIPTOR_TAG, es -> {
            es.u16(0); // ES_ID: 0 when stored in a file (ISO/IEC 14496-14)
            es.u8(0); // no stream dependence, URL or OCR stream; priority 0
            descriptor(es, DECODER_CONFIG_DESCRIPTOR_TAG, dc -> {
                dc.u8(OBJECT_TYPE_MPEG4_AUDIO);
                dc.u8(STREAM_TYPE_AUDIO_BYTE);
                dc.u24(bufferSizeDb).u32(maxBitrate).u32(avgBitrate);
                descriptor(dc, DECODER_SPECIFIC_INFO_TAG, dsi -> dsi.bytes(audioSpecificConfig));
            });
            descriptor(es, SL_CONFIG_DESCRIPTOR_TAG, sl -> sl.u8(2)); // predefined: reserved for MP4 files
        }));
    }

    private static void descriptor(BoxWriter out, int tag, java.util.function.Consumer<BoxWriter> body) {
        BoxWriter content = new BoxWriter(64);
        body.accept(content);
        byte[] bytes = content.toByteArray();
        out.u8(tag);
        writeExpandableSize(out, bytes.length);
        out.bytes(bytes);
    }

    static void writeExpandableSize(BoxWriter out, int size) {
        int groups = 1;
        while (groups < 4 && size >>> (7 * groups) != 0) {
            groups++;
        }
        if (size >>> (7 * groups) != 0) {
            throw new IllegalArgumentException("descriptor too large: " + size);
        }
        for (int i = groups - 1; i >= 0; i--) {
            int sevenBits = (size >>> (7 * i)) & 0x7F;
            out.u8(i > 0 ? 0x80 | sevenBits : sevenBits);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EsdsBox other && Arrays.equals(audioSpecificConfig, other.audioSpecificConfig)
                && bufferSizeDb == other.bufferSizeDb && maxBitrate == other.maxBitrate
                && avgBitrate == other.avgBitrate;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(audioSpecificConfig) * 31 + Long.hashCode(maxBitrate ^ avgBitrate ^ bufferSizeDb);
    }

    @Override
    public String toString() {
        return "EsdsBox[asc=" + HexFormat.of().formatHex(audioSpecificConfig) + ", bufferSizeDb=" + bufferSizeDb
                + ", maxBitrate=" + maxBitrate + ", avgBitrate=" + avgBitrate + "]";
    }
}
