package io.tributary.transcode.cmaf;

/** An audio track: its timescale is its sample rate, so every sample count is a whole number of ticks. */
public sealed interface AudioFormat extends TrackFormat permits AacTrack, OpusTrack {

    int sampleRate();

    int channels();

    @Override
    default int timescale() {
        return sampleRate();
    }
}
