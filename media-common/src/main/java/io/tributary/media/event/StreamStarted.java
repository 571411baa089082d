package io.tributary.media.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A broadcast began: the first GOP of the session is on its way. Topic {@link Topics#STREAM_STARTED}, key = channel.
 *
 * @param app          the RTMP application the publisher connected to
 * @param ingestNode   which ingest instance holds the publisher's connection
 * @param video        null for an audio-only stream
 * @param audio        null for a video-only stream
 * @param playbackUrls by protocol: {@link #HLS} and {@link #DASH}
 */
public record StreamStarted(int schemaVersion, String sessionId, String channel, String app, Instant startedAt,
                            String ingestNode, VideoInfo video, AudioInfo audio, Map<String, String> playbackUrls) {

    public static final int SCHEMA_VERSION = 1;
    public static final String HLS = "hls";
    public static final String DASH = "dash";

    public StreamStarted {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(startedAt, "startedAt");
        playbackUrls = playbackUrls == null ? Map.of() : Map.copyOf(playbackUrls);
    }

    public static StreamStarted of(String sessionId, String channel, String app, Instant startedAt, String ingestNode,
                                   VideoInfo video, AudioInfo audio, Map<String, String> playbackUrls) {
        return new StreamStarted(SCHEMA_VERSION, sessionId, channel, app, startedAt, ingestNode, video, audio,
                playbackUrls);
    }
}
