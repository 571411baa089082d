package io.tributary.transcode.cmaf;

import io.tributary.transcode.cmaf.box.AudioSampleEntry;
import io.tributary.transcode.cmaf.box.DopsBox;
import io.tributary.transcode.cmaf.box.SampleEntry;

/**
 * Opus track: 'Opus' sample entry with 'dOps' (Encapsulation of Opus in ISO BMFF §4.3). Opus always decodes at
 * 48 kHz, so that is the timescale whatever the input rate was; the entry's channelcount is the output channel
 * count and its samplerate is 48000 (§4.3.1). Samples are Opus packets, as in enhanced FLV.
 */
public record OpusTrack(DopsBox dOps) implements AudioFormat {
    public static final int SAMPLE_RATE = 48_000;

    @Override
    public int sampleRate() {
        return SAMPLE_RATE;
    }

    @Override
    public int channels() {
        return dOps.outputChannelCount();
    }

    @Override
    public String codecString() {
        return "opus";
    }

    @Override
    public SampleEntry sampleEntry() {
        return new AudioSampleEntry("Opus", dOps.outputChannelCount(), SAMPLE_RATE, dOps);
    }
}
