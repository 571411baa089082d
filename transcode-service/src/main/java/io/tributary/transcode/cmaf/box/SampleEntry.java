package io.tributary.transcode.cmaf.box;

/** A sample entry in 'stsd' (ISO/IEC 14496-12 §8.5.2.2): how to decode the track's samples. */
public sealed interface SampleEntry extends Box permits VisualSampleEntry, AudioSampleEntry {

    /** The four-character format: avc1, hvc1, av01, mp4a, Opus. */
    String format();
}
