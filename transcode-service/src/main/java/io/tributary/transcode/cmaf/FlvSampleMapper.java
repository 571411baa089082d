package io.tributary.transcode.cmaf;

import io.tributary.media.codec.AudioCodec;
import io.tributary.media.codec.AudioDecoderConfiguration;
import io.tributary.media.codec.AudioSpecificConfig;
import io.tributary.media.codec.OpusHead;
import io.tributary.media.codec.VideoCodec;
import io.tributary.media.codec.VideoDecoderConfiguration;
import io.tributary.media.flv.AudioPacket;
import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.VideoPacket;
import io.tributary.media.flv.VideoTag;
import io.tributary.media.gop.GopContent;
import io.tributary.transcode.cmaf.box.DopsBox;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * Maps the FLV tags of one GOP record to per-track CMAF samples: the adapter between media-common's FLV view and
 * the packager's container-neutral input.
 *
 * <p>Sequence headers give the track formats (the last one in the GOP wins); coded frames become samples through
 * {@link SampleConverter}. The last video sample runs to the GOP's declared end (the next keyframe), so video
 * segments tile exactly; when the end is unknown (the session's last GOP) it lasts as long as the GOP's typical
 * frame. The last audio frame lasts one codec frame: 1024 samples for AAC (2048 output samples with SBR, whose
 * output rate is twice the core's) and 960 (20 ms) for Opus; audio segments therefore meet the next one to within
 * a millisecond, the precision of FLV timestamps. Audio in other codecs (MP3, PCM…) is left out: CMAF here carries
 * AAC and Opus only.
 */
public final class FlvSampleMapper {
    /** One frame at 30 fps on the 90 kHz clock: the last frame's length when a GOP has only one frame. */
    static final int DEFAULT_VIDEO_FRAME_TICKS = 3000;
    static final int AAC_FRAME_SAMPLES = 1024;
    static final int OPUS_FRAME_SAMPLES = 960;

    private FlvSampleMapper() {
    }

    /**
     * @param tags the GOP's tags in stream order (sequence headers first, as the GOP record carries them)
     * @param endMillis the GOP's declared end: the next GOP's first video timestamp, if known
     * @throws io.tributary.media.flv.FlvFormatException for a tag whose header cannot be read
     * @throws io.tributary.media.codec.CodecConfigException for a sequence header that cannot be parsed
     * @throws IllegalArgumentException for a sequence header that names no picture size or sample rate
     */
    public static GopSamples map(List<FlvTag> tags, OptionalLong endMillis) {
        VideoFormat videoFormat = null;
        AudioFormat audioFormat = null;
        int audioFrameSamples = AAC_FRAME_SAMPLES;
        List<AccessUnit> video = new ArrayList<>();
        List<AccessUnit> audio = new ArrayList<>();
        for (FlvTag tag : tags) {
            if (tag instanceof VideoTag videoTag) {
                VideoPacket p = videoTag.packet();
                if (p.kind() == VideoPacket.Kind.SEQUENCE_HEADER) {
                    videoFormat = videoFormat(p.codec(), p.payload());
                } else if (p.kind() == VideoPacket.Kind.CODED_FRAMES) {
                    video.add(new AccessUnit(p.dts(), p.compositionTimeOffset(), p.keyframe(), p.payload()));
                }
            } else if (tag instanceof AudioTag audioTag) {
                AudioPacket p = audioTag.packet();
                if (p.codec() != AudioCodec.AAC && p.codec() != AudioCodec.OPUS) {
                    continue;
                }
                if (p.kind() == AudioPacket.Kind.SEQUENCE_HEADER) {
                    AudioDecoderConfiguration config = AudioDecoderConfiguration.parse(p.codec(), p.payload());
                    audioFormat = audioFormat(config, p.payload());
                    audioFrameSamples = frameSamples(config);
                } else if (p.kind() == AudioPacket.Kind.CODED_FRAMES) {
                    audio.add(new AccessUnit(p.dts(), 0, true, p.payload()));
                }
            }
        }
        List<Sample> videoSamples = videoFormat == null ? List.of() : SampleConverter.toSamples(video,
                new Timescale(videoFormat.timescale()), endMillis, typicalVideoFrame(video));
        List<Sample> audioSamples = audioFormat == null ? List.of() : SampleConverter.toSamples(audio,
                new Timescale(audioFormat.timescale()), OptionalLong.empty(), audioFrameSamples);
        return new GopSamples(videoFormat, videoSamples, audioFormat, audioSamples);
    }

    /**
     * Maps one GOP record as media-common reads it: the sequence headers it carries (every record carries the ones
     * in force, so any record alone gives the track formats), then its tags.
     *
     * @param endMillis the GOP's declared end (its media start plus duration, from the record's headers)
     */
    public static GopSamples map(GopContent content, OptionalLong endMillis) {
        List<FlvTag> tags = new ArrayList<>(content.tags().size() + 2);
        if (content.videoSequenceHeader() != null) {
            tags.add(content.videoSequenceHeader());
        }
        if (content.audioSequenceHeader() != null) {
            tags.add(content.audioSequenceHeader());
        }
        tags.addAll(content.tags());
        return map(tags, endMillis);
    }

    /** The track format of a video sequence header: its record goes into the sample entry byte for byte. */
    public static VideoFormat videoFormat(VideoCodec codec, byte[] sequenceHeader) {
        VideoDecoderConfiguration config = VideoDecoderConfiguration.parse(codec, sequenceHeader);
        switch (codec) {
            case AVC:
                return new AvcTrack(sequenceHeader, config.width(), config.height(), config.codecString());
            case HEVC:
                return new HevcTrack(sequenceHeader, config.width(), config.height(), config.codecString());
            default:
                return new Av1Track(sequenceHeader, config.width(), config.height(), config.codecString());
        }
    }

    /** The track format of an audio sequence header (AudioSpecificConfig or OpusHead). */
    public static AudioFormat audioFormat(AudioCodec codec, byte[] sequenceHeader) {
        return audioFormat(AudioDecoderConfiguration.parse(codec, sequenceHeader), sequenceHeader);
    }

    private static AudioFormat audioFormat(AudioDecoderConfiguration config, byte[] sequenceHeader) {
        if (config instanceof OpusHead head) {
            // dOps carries the OpusHead fields big-endian, without the magic and version (Opus in ISOBMFF §4.3.2)
            return new OpusTrack(new DopsBox(head.channelCount(), head.preSkip(), head.inputSampleRate(),
                    head.outputGain(), head.channelMappingFamily(), head.streamCount(), head.coupledCount(),
                    head.channelMapping()));
        }
        return new AacTrack(sequenceHeader, config.sampleRate(), config.channels(), config.codecString());
    }

    private static int frameSamples(AudioDecoderConfiguration config) {
        if (config instanceof AudioSpecificConfig asc) {
            return asc.extensionAudioObjectType() != 0 ? 2 * AAC_FRAME_SAMPLES : AAC_FRAME_SAMPLES;
        }
        return OPUS_FRAME_SAMPLES;
    }

    /** The median gap between decode times, in 90 kHz ticks: robust to the odd dropped or doubled frame. */
    private static int typicalVideoFrame(List<AccessUnit> units) {
        if (units.size() < 2) {
            return DEFAULT_VIDEO_FRAME_TICKS;
        }
        Timescale ts = new Timescale(VideoFormat.TIMESCALE);
        long[] gaps = new long[units.size() - 1];
        for (int i = 1; i < units.size(); i++) {
            gaps[i - 1] = ts.fromMillis(units.get(i).dtsMillis()) - ts.fromMillis(units.get(i - 1).dtsMillis());
        }
        Arrays.sort(gaps);
        long median = gaps[gaps.length / 2];
        return median > 0 && median <= Integer.MAX_VALUE ? (int) median : DEFAULT_VIDEO_FRAME_TICKS;
    }
}
