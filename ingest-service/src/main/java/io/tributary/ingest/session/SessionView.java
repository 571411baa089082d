package io.tributary.ingest.session;

import java.time.Instant;

/**
 * A live session as the admin API shows it ({@code GET /v1/sessions}). Immutable: the session publishes a new one
 * to {@link LiveSessions} when something changes, so readers on other threads never see a half-updated one.
 *
 * @param codecs      RFC 6381 codec strings, comma-separated ({@code avc1.64001f,mp4a.40.2}), or "unknown" until
 *                    the sequence headers arrive
 * @param bitrateKbps media bitrate over the last measuring window
 */
public record SessionView(String channel, String sessionId, String app, Instant since, String remoteAddress,
                          String codecs, long bitrateKbps) {

    public SessionView withCodecs(String newCodecs) {
        return new SessionView(channel, sessionId, app, since, remoteAddress, newCodecs, bitrateKbps);
    }

    public SessionView withBitrateKbps(long kbps) {
        return new SessionView(channel, sessionId, app, since, remoteAddress, codecs, kbps);
    }
}
