package io.tributary.ingest.gop;

import io.tributary.media.amf.AmfValue;
import io.tributary.media.amf.AmfValue.AmfEcmaArray;
import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.ScriptDataTag;
import io.tributary.media.flv.VideoTag;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what a publisher sends into the session's FLV tags: an RTMP audio or video message payload is an FLV tag
 * body, reduced to its default track ({@link DefaultTrackFilter}) and put on the session's media time
 * ({@link MediaTimeline}); {@code @setDataFrame("onMetaData", metadata)} becomes an {@code onMetaData} script tag.
 * Pure, one per session.
 */
public final class TagIntake {

    private final MediaTimeline timeline = new MediaTimeline();
    private final DefaultTrackFilter tracks = new DefaultTrackFilter();

    /**
     * The tag of a video message, or empty for one without a default track or without a body (some encoders send
     * empty media messages as keep-alives).
     *
     * @throws MalformedMediaException for a broken multitrack structure or a session past 2^32 ms of media time
     */
    public Optional<FlvTag> video(long rtmpTimestamp, byte[] payload) {
        if (payload.length == 0) {
            return Optional.empty();
        }
        return tracks.video(payload).map(body -> new VideoTag(mediaTime(timeline.video(rtmpTimestamp)), body));
    }

    /** The tag of an audio message; see {@link #video}. */
    public Optional<FlvTag> audio(long rtmpTimestamp, byte[] payload) {
        if (payload.length == 0) {
            return Optional.empty();
        }
        return tracks.audio(payload).map(body -> new AudioTag(mediaTime(timeline.audio(rtmpTimestamp)), body));
    }

    /**
     * The {@code onMetaData} script tag of stream metadata, or empty when it cannot be written as AMF0 (an AMF3
     * byte array, an empty property name, more than a tag holds once references are spelled out) or read back by the
     * workers (nested deeper than {@link ScriptDataTag#MAX_AMF_DEPTH}, which the RTMP command limit allows): metadata
     * is advisory, the stream goes on without it; a tag the workers cannot read would make every GOP record unreadable.
     */
    public Optional<FlvTag> metadata(long rtmpTimestamp, Map<String, AmfValue> properties) {
        try {
            ScriptDataTag tag = ScriptDataTag.of(timeline.data(rtmpTimestamp), ScriptDataTag.ON_META_DATA,
                    new AmfEcmaArray(properties));
            tag.values(); // read back with the workers' own limits
            return Optional.of(tag);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether any multitrack track was dropped so far: asked for every message, so it allocates nothing. */
    public boolean droppedTracks() {
        return tracks.droppedTracks();
    }

    /** Multitrack track ids dropped so far, for the one log line that says so. */
    public Set<Integer> droppedVideoTracks() {
        return tracks.droppedVideoTracks();
    }

    public Set<Integer> droppedAudioTracks() {
        return tracks.droppedAudioTracks();
    }

    private static long mediaTime(long t) {
        if (t == MediaTimeline.OUT_OF_RANGE) {
            throw new MalformedMediaException("a session longer than the 2^32 ms an FLV timestamp can carry");
        }
        return t;
    }
}
