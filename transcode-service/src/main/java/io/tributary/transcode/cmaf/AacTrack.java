package io.tributary.transcode.cmaf;

import io.tributary.transcode.cmaf.box.AudioSampleEntry;
import io.tributary.transcode.cmaf.box.EsdsBox;
import io.tributary.transcode.cmaf.box.SampleEntry;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * AAC track: 'mp4a' sample entry with the AudioSpecificConfig of the FLV sequence header inside 'esds'
 * (ISO/IEC 14496-14 §5.6). Samples are raw AAC frames (no ADTS header), as in FLV.
 *
 * @param sampleRate the output sample rate, which is also the track timescale
 */
public record AacTrack(byte[] audioSpecificConfig, int sampleRate, int channels, String codecString)
        implements AudioFormat {
    public AacTrack {
        if (audioSpecificConfig.length < 2) {
            throw new IllegalArgumentException("AudioSpecificConfig needs at least 2 bytes");
        }
        if (sampleRate <= 0 || channels <= 0 || channels > 0xFFFF) {
            throw new IllegalArgumentException("bad AAC format: " + sampleRate + " Hz, " + channels + " channels");
        }
        audioSpecificConfig = audioSpecificConfig.clone();
    }

    @Override
    public byte[] audioSpecificConfig() {
        return audioSpecificConfig.clone();
    }

    @Override
    public SampleEntry sampleEntry() {
        return new AudioSampleEntry("mp4a", channels, sampleRate, EsdsBox.of(audioSpecificConfig));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AacTrack t && sampleRate == t.sampleRate && channels == t.channels
                && codecString.equals(t.codecString) && Arrays.equals(audioSpecificConfig, t.audioSpecificConfig);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(audioSpecificConfig) * 31 + sampleRate * 17 + channels;
    }

    @Override
    public String toString() {
        return "AacTrack[" + codecString + " " + sampleRate + " Hz " + channels + " ch, asc="
                + HexFormat.of().formatHex(audioSpecificConfig) + "]";
    }
}
