package io.tributary.transcode.cmaf.box;

/**
 * AudioSampleEntry version 0 (ISO/IEC 14496-12 §12.2.3) followed by its decoder configuration ('esds' for mp4a,
 * ISO/IEC 14496-14 §5.6; 'dOps' for Opus, Opus-in-ISOBMFF §4.3.1).
 *
 * <p>The samplerate field is 16.16 fixed point and cannot hold rates above 65535 Hz; those are written as 0, as
 * common writers do, and decoders take the real rate from the decoder configuration.
 */
public record AudioSampleEntry(String format, int channelCount, int sampleRate, Box decoderConfig)
        implements SampleEntry {

    @Override
    public void write(BoxWriter out) {
        out.box(format, () -> {
            out.zeros(6); // reserved
            out.u16(1); // data_reference_index
            out.u32(0).u32(0); // reserved[2] (entry version 0)
            out.u16(channelCount);
            out.u16(16); // samplesize
            out.u16(0).u16(0); // pre_defined, reserved
            out.u32(sampleRate <= 0xFFFF ? (long) sampleRate << 16 : 0);
            out.write(decoderConfig);
        });
    }
}
