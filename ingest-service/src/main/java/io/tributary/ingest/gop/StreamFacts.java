package io.tributary.ingest.gop;

import io.tributary.media.amf.AmfValue;
import io.tributary.media.amf.AmfValue.AmfEcmaArray;
import io.tributary.media.amf.AmfValue.AmfNumber;
import io.tributary.media.amf.AmfValue.AmfObject;
import io.tributary.media.codec.AudioDecoderConfiguration;
import io.tributary.media.codec.VideoDecoderConfiguration;
import io.tributary.media.event.AudioInfo;
import io.tributary.media.event.VideoInfo;
import io.tributary.media.flv.AudioPacket;
import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.VideoPacket;
import io.tributary.media.flv.VideoTag;
import java.util.Map;

/**
 * What a stream's sequence headers say about it, as {@code stream-started} and the admin API announce it: RFC 6381
 * codec strings, picture size, frame rate, sample rate and channels.
 *
 * @param video null for a stream without video, or whose sequence header we cannot read
 * @param audio null for a stream without audio, or whose sequence header we cannot read (MP3 has none)
 */
public record StreamFacts(VideoInfo video, AudioInfo audio) {

    public static final StreamFacts NONE = new StreamFacts(null, null);

    /**
     * Reads the sequence headers. A header we cannot parse leaves its side null rather than failing: the facts are
     * an announcement, the media itself goes on unchanged.
     *
     * @param onMetaData the stream's metadata, whose {@code framerate} fills in when the bitstream does not signal one
     */
    public static StreamFacts of(VideoTag videoHeader, AudioTag audioHeader, AmfValue onMetaData) {
        return new StreamFacts(video(videoHeader, onMetaData), audio(audioHeader));
    }

    /** The codec strings, e.g. {@code avc1.64001f,mp4a.40.2}, or "unknown". */
    public String codecs() {
        StringBuilder s = new StringBuilder();
        if (video != null) {
            s.append(video.codec());
        }
        if (audio != null) {
            s.append(s.length() > 0 ? "," : "").append(audio.codec());
        }
        return s.length() == 0 ? "unknown" : s.toString();
    }

    private static VideoInfo video(VideoTag header, AmfValue onMetaData) {
        if (header == null) {
            return null;
        }
        try {
            VideoPacket packet = VideoPacket.of(header);
            VideoDecoderConfiguration config = VideoDecoderConfiguration.parse(packet.codec(), packet.payload());
            double frameRate = config.frameRate() > 0 ? config.frameRate() : metadataNumber(onMetaData, "framerate");
            return new VideoInfo(config.codecString(), config.width(), config.height(), frameRate);
        } catch (RuntimeException e) {
            return null; // FlvFormatException, CodecConfigException: an announcement without video facts
        }
    }

    private static AudioInfo audio(AudioTag header) {
        if (header == null) {
            return null;
        }
        try {
            AudioPacket packet = AudioPacket.of(header);
            AudioDecoderConfiguration config = AudioDecoderConfiguration.parse(packet.codec(), packet.payload());
            return new AudioInfo(config.codecString(), config.sampleRate(), config.channels());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static double metadataNumber(AmfValue onMetaData, String name) {
        Map<String, AmfValue> properties = onMetaData instanceof AmfEcmaArray a ? a.properties()
                : onMetaData instanceof AmfObject o ? o.properties() : Map.of();
        return properties.get(name) instanceof AmfNumber n && n.value() > 0 && n.value() < 1000 ? n.value() : 0;
    }
}
