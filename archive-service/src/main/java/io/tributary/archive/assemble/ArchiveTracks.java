package io.tributary.archive.assemble;

import io.tributary.media.codec.AudioSpecificConfig;
import io.tributary.media.codec.VideoCodec;
import io.tributary.media.codec.VideoDecoderConfiguration;

/**
 * The tracks of an archive, as its init segment describes them: at most one video track (id 1) and one AAC audio
 * track (id 2), each with the decoder configuration of the session's first sequence header.
 *
 * @param video null for an audio-only session
 * @param audio null for a session without (AAC) audio
 */
public record ArchiveTracks(Video video, Audio audio) {
    public static final int VIDEO_TRACK_ID = 1;
    public static final int AUDIO_TRACK_ID = 2;
    /** 90 kHz: every millisecond of FLV is a whole number of ticks, as in MPEG-TS. */
    public static final int VIDEO_TIMESCALE = 90_000;

    public ArchiveTracks {
        if (video == null && audio == null) {
            throw new IllegalArgumentException("an archive needs a video or an audio track");
        }
    }

    /**
     * @param config the AVCDecoderConfigurationRecord or HEVCDecoderConfigurationRecord, as the sequence header
     *               carried it (ISO/IEC 14496-15 §5.3.3.1, §8.3.3.1)
     */
    public record Video(VideoDecoderConfiguration config) {
        public Video {
            if (config.codec() != VideoCodec.AVC && config.codec() != VideoCodec.HEVC) {
                throw new IllegalArgumentException(config.codec() + " is not archived in MP4 (AVC and HEVC are)");
            }
        }
    }

    /** @param config the AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1) of the AAC sequence header */
    public record Audio(AudioSpecificConfig config) {
        /** The track's timescale: the core sampling frequency, so an AAC frame lasts exactly 1024 ticks. */
        public int timescale() {
            return config.samplingFrequency();
        }
    }
}
