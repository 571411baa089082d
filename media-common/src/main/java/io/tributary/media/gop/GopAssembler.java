package io.tributary.media.gop;

import io.tributary.media.amf.AmfValue;
import io.tributary.media.flv.AudioPacketHeader;
import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.ScriptDataTag;
import io.tributary.media.flv.VideoPacket;
import io.tributary.media.flv.VideoPacketHeader;
import io.tributary.media.flv.VideoTag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Cuts a stream of FLV tags into GOPs: from each video keyframe up to the next, with the audio of the span.
 *
 * <p>Pure and single-threaded: feed tags in stream order with monotonic timestamps (the ingest unwraps and
 * repairs them first), take the GOPs it closes. A GOP is also closed when:
 * <ul>
 *   <li>a sequence header changes (codec or resolution change): the next GOP carries the new one, so every record
 *       is decodable with the headers it carries;</li>
 *   <li>a stream without video has gathered {@code audioOnlyGopMillis} of audio (there are no keyframes to cut at);</li>
 *   <li>no keyframe came for {@code maxGopMillis}: the GOP is cut anyway, and the next one is a
 *       {@linkplain ClosedGop#continuation() continuation}, so memory and latency stay bounded whatever a publisher does.</li>
 * </ul>
 * Video frames before the first keyframe are dropped (nothing could decode them); audio before it is kept.
 */
public final class GopAssembler {
    /** Used as the last frame's duration until the stream shows its own frame interval. */
    private static final long DEFAULT_FRAME_MILLIS = 33;
    /** Likewise for audio: an AAC frame of 1024 samples at 48 kHz. */
    private static final long DEFAULT_AUDIO_FRAME_MILLIS = 21;

    private final long audioOnlyGopMillis;
    private final long maxGopMillis;

    private AmfValue onMetaData;
    private VideoTag videoHeader;
    private AudioTag audioHeader;
    private final List<FlvTag> tags = new ArrayList<>();
    private long start = -1;
    private long frameMillis = DEFAULT_FRAME_MILLIS;
    private long lastVideoDts = -1;
    private long audioFrameMillis = DEFAULT_AUDIO_FRAME_MILLIS;
    private long lastAudioTs = -1;
    private boolean sawKeyframe;
    private boolean currentIsContinuation;
    private boolean currentHasVideo;

    public GopAssembler(long audioOnlyGopMillis, long maxGopMillis) {
        if (audioOnlyGopMillis <= 0 || maxGopMillis < audioOnlyGopMillis) {
            throw new IllegalArgumentException("need 0 < audioOnlyGopMillis <= maxGopMillis");
        }
        this.audioOnlyGopMillis = audioOnlyGopMillis;
        this.maxGopMillis = maxGopMillis;
    }

    /** Takes the next tag; returns the GOP it closed, if any. */
    public Optional<ClosedGop> accept(FlvTag tag) {
        if (tag instanceof ScriptDataTag script) {
            return acceptScript(script);
        }
        if (tag instanceof VideoTag video) {
            return acceptVideo(video);
        }
        return acceptAudio((AudioTag) tag);
    }

    /** Closes the GOP in progress at the end of the stream, if it holds anything. */
    public Optional<ClosedGop> finish() {
        if (tags.isEmpty()) {
            return Optional.empty();
        }
        // the stream ends where its last video frame or its last audio frame does, whichever is later
        long videoEnd = lastVideoDts >= 0 ? lastVideoDts + frameMillis : 0;
        long audioEnd = lastAudioTs >= 0 ? lastAudioTs + audioFrameMillis : 0;
        return Optional.of(close(Math.max(videoEnd, audioEnd), false));
    }

    public Optional<VideoTag> videoSequenceHeader() {
        return Optional.ofNullable(videoHeader);
    }

    public Optional<AudioTag> audioSequenceHeader() {
        return Optional.ofNullable(audioHeader);
    }

    public Optional<AmfValue> onMetaData() {
        return Optional.ofNullable(onMetaData);
    }

    private Optional<ClosedGop> acceptScript(ScriptDataTag script) {
        AmfValue meta = onMetaDataOf(script);
        if (meta != null) {
            onMetaData = meta; // applies from the next GOP on: a record's preamble describes its whole content
        }
        return Optional.empty();
    }

    private Optional<ClosedGop> acceptVideo(VideoTag tag) {
        VideoPacketHeader header = tag.packetHeader(); // the header is enough: no copy of the frame
        if (header.isSequenceHeader()) {
            Optional<ClosedGop> closed = Optional.empty();
            if (videoHeader != null && !Arrays.equals(videoHeader.body(), tag.body()) && hasMedia()) {
                closed = Optional.of(close(tag.timestamp(), false));
            }
            videoHeader = tag;
            return closed;
        }
        if (header.kind() != VideoPacket.Kind.CODED_FRAMES) {
            return Optional.empty(); // sequence end, metadata, commands: nothing a GOP record needs
        }
        if (lastVideoDts >= 0 && tag.timestamp() > lastVideoDts) {
            frameMillis = tag.timestamp() - lastVideoDts;
        }
        lastVideoDts = tag.timestamp();
        if (header.keyframe()) {
            Optional<ClosedGop> closed = currentHasVideo ? Optional.of(close(tag.timestamp(), false)) : Optional.empty();
            sawKeyframe = true;
            add(tag, true);
            return closed;
        }
        if (!sawKeyframe) {
            return Optional.empty();
        }
        Optional<ClosedGop> closed = Optional.empty();
        if (start >= 0 && tag.timestamp() - start >= maxGopMillis) {
            closed = Optional.of(close(tag.timestamp(), true));
        }
        add(tag, true);
        return closed;
    }

    private Optional<ClosedGop> acceptAudio(AudioTag tag) {
        AudioPacketHeader header = tag.packetHeader();
        if (header.isSequenceHeader()) {
            Optional<ClosedGop> closed = Optional.empty();
            if (audioHeader != null && !Arrays.equals(audioHeader.body(), tag.body()) && hasMedia()) {
                closed = Optional.of(close(tag.timestamp(), false));
            }
            audioHeader = tag;
            return closed;
        }
        if (lastAudioTs >= 0 && tag.timestamp() > lastAudioTs) {
            audioFrameMillis = tag.timestamp() - lastAudioTs;
        }
        lastAudioTs = tag.timestamp();
        Optional<ClosedGop> closed = Optional.empty();
        boolean audioOnly = videoHeader == null && !sawKeyframe;
        if (start >= 0 && audioOnly && tag.timestamp() - start >= audioOnlyGopMillis) {
            closed = Optional.of(close(tag.timestamp(), false));
        } else if (start >= 0 && !audioOnly && tag.timestamp() - start >= maxGopMillis) {
            closed = Optional.of(close(tag.timestamp(), true));
        }
        add(tag, false);
        return closed;
    }

    private boolean hasMedia() {
        return !tags.isEmpty();
    }

    private void add(FlvTag tag, boolean video) {
        if (tags.isEmpty()) {
            start = tag.timestamp();
        }
        tags.add(tag);
        currentHasVideo |= video;
    }

    /** Closes the GOP in progress at media time {@code end}; the next one is a continuation if {@code cut}. */
    private ClosedGop close(long end, boolean cut) {
        GopContent content = new GopContent(onMetaData, videoHeader, audioHeader, tags);
        ClosedGop gop = new ClosedGop(content, start, Math.max(0, end - start), currentIsContinuation);
        tags.clear();
        start = -1;
        currentHasVideo = false;
        currentIsContinuation = cut;
        return gop;
    }

    /** The onMetaData object of a script tag, or null when the tag is anything else or undecodable. */
    private static AmfValue onMetaDataOf(ScriptDataTag script) {
        try {
            if (!ScriptDataTag.ON_META_DATA.equals(script.name()) || script.arguments().isEmpty()) {
                return null;
            }
            AmfValue meta = script.arguments().get(0);
            return meta instanceof AmfValue.AmfEcmaArray || meta instanceof AmfValue.AmfObject ? meta : null;
        } catch (RuntimeException e) {
            return null; // script data we cannot decode is not metadata we can use
        }
    }
}
