package io.tributary.ingest.session;

import io.tributary.ingest.auth.PublishDecision.Allowed;
import io.tributary.ingest.gop.GopRecord;
import io.tributary.ingest.gop.SessionGops;
import io.tributary.ingest.gop.TagIntake;
import io.tributary.ingest.kafka.SessionIdentity;
import io.tributary.ingest.kafka.SessionOutput;
import io.tributary.ingest.metrics.ChannelMeters;
import io.tributary.media.amf.AmfValue;
import io.tributary.media.flv.FlvTag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * One allowed broadcast, from {@code NetStream.Publish.Start} to its end: media in ({@link TagIntake}), GOP records
 * out ({@link SessionGops} then {@link SessionOutput}), and the watchdogs that end it — idle publisher, bitrate above
 * the cap, Kafka backpressure for too long, Kafka failure. {@link #end} runs once, whatever ends the session, and
 * writes the final records and {@code stream-stopped}.
 *
 * <p>Confined to the connection's event loop. Media errors ({@code MalformedMediaException}) propagate to the
 * {@link PublishSession}, which ends the session with {@code error}.
 */
final class LiveSession {

    private static final Logger LOG = Logger.getLogger(LiveSession.class);

    /** Who ends the session when a watchdog on another path (a Kafka completion) decides to. */
    interface Owner {
        void endLive(EndCause cause);
    }

    private final SessionIdentity identity;
    private final SessionServices services;
    private final Peer peer;
    private final Owner owner;
    private final long capKbps;
    private final TagIntake intake = new TagIntake();
    private final SessionGops gops;
    private final SessionOutput output;
    private final BitrateMeter meter;
    private SessionView view;
    private ChannelMeters meters;
    private long lastMediaAt;
    private long bytes;
    private boolean paused;
    private boolean announced;
    private boolean tracksLogged;
    private boolean ended;
    private CompletionStage<Void> endStage;

    LiveSession(Allowed allowed, String app, Peer peer, SessionServices services, Executor context, Owner owner) {
        this.identity = new SessionIdentity(allowed.channel(), allowed.sessionId(), app);
        this.services = services;
        this.peer = peer;
        this.owner = owner;
        SessionSettings settings = services.settings();
        this.capKbps = allowed.maxBitrateKbps().orElse(settings.maxBitrateKbps());
        this.gops = new SessionGops(allowed.sessionId(), settings.gop(), services.clock());
        this.output = new SessionOutput(services.gops(), services.events(), identity, context,
                settings.inflightBudgetBytes(), services.inflightTotal(), new OutputListener(), services.nowMillis(),
                services.clock());
        long now = services.nowMillis().getAsLong();
        this.meter = new BitrateMeter(settings.bitrateWindowMillis(), now);
        this.lastMediaAt = now;
        this.view = new SessionView(identity.channel(), identity.sessionId(), app, services.clock().instant(),
                peer.remoteAddress(), "unknown", 0);
    }

    SessionIdentity identity() {
        return identity;
    }

    SessionView view() {
        return view;
    }

    /** Called once the channel is claimed: from here on the session counts as live. */
    void begin() {
        meters = services.metrics().sessionStarted(identity.channel());
        LOG.infof("publishing: channel=%s session=%s app=%s remote=%s bitrate-cap=%d kbps", identity.channel(),
                identity.sessionId(), identity.app(), peer.remoteAddress(), capKbps);
    }

    void video(long timestamp, byte[] payload) {
        if (received(payload.length)) {
            intake.video(timestamp, payload).ifPresent(this::accept);
            logDroppedTracksOnce();
        }
    }

    void audio(long timestamp, byte[] payload) {
        if (received(payload.length)) {
            intake.audio(timestamp, payload).ifPresent(this::accept);
            logDroppedTracksOnce();
        }
    }

    void metadata(long timestamp, Map<String, AmfValue> properties) {
        if (!ended) {
            intake.metadata(timestamp, properties).ifPresent(this::accept);
        }
    }

    /** The watchdogs, run every tick: the cause to end the session with, if one fired. */
    Optional<EndCause> check(long now) {
        if (ended) {
            return Optional.empty();
        }
        long idle = now - lastMediaAt;
        if (idle > services.settings().idleTimeoutMillis()) {
            return Optional.of(EndCause.idle(idle));
        }
        OptionalLong overSince = output.overBudgetSince();
        if (overSince.isPresent() && now - overSince.getAsLong() > services.settings().backpressureTimeoutMillis()) {
            return Optional.of(EndCause.error("Kafka backpressure: " + output.inflightBytes()
                    + " bytes unacknowledged (" + services.inflightTotal().bytes() + " for the whole ingest) for "
                    + (now - overSince.getAsLong()) + " ms"));
        }
        OptionalLong bitsPerSecond = meter.tick(now);
        if (bitsPerSecond.isPresent()) {
            long kbps = bitsPerSecond.getAsLong() / 1000;
            meters.bitrate(bitsPerSecond.getAsLong());
            view = view.withBitrateKbps(kbps);
            services.registry().update(view);
            if (kbps > capKbps * SessionSettings.BITRATE_TOLERANCE) {
                return Optional.of(EndCause.error("bitrate " + kbps + " kbps over the cap of " + capKbps + " kbps"));
            }
        }
        return Optional.empty();
    }

    /**
     * Ends the session, once: the GOP in progress and the {@code last} record go out, then {@code stream-stopped};
     * the channel is released. Later calls return the first call's stage.
     */
    CompletionStage<Void> end(EndCause cause) {
        if (ended) {
            return endStage;
        }
        ended = true;
        if (paused) {
            paused = false;
            peer.resumeReading(); // an unpublished connection must still be read, if only to see it close
        }
        List<GopRecord> last;
        try {
            last = gops.finish();
        } catch (RuntimeException e) {
            LOG.warnf("channel=%s session=%s: the last GOP could not be written: %s", identity.channel(),
                    identity.sessionId(), e.getMessage());
            last = List.of();
        }
        endStage = output.finish(last, gops.facts(), cause.reason(), gops.mediaDurationMillis(), bytes);
        if (meters != null) {
            services.metrics().sessionEnded(meters, cause.reason().wireName());
        }
        services.registry().release(identity.channel(), identity.sessionId());
        LOG.infof("session ended: channel=%s session=%s reason=%s (%s) remote=%s media=%d ms bytes=%d records=%d",
                identity.channel(), identity.sessionId(), cause.reason().wireName(), cause.detail(),
                peer.remoteAddress(), gops.mediaDurationMillis(), bytes, gops.recordCount());
        return endStage;
    }

    boolean ended() {
        return ended;
    }

    /** Counts a media message; false once the session has ended (late media is dropped). */
    private boolean received(int size) {
        if (ended) {
            return false;
        }
        bytes += size;
        meters.received(size);
        meter.add(size);
        lastMediaAt = services.nowMillis().getAsLong();
        return true;
    }

    private void accept(FlvTag tag) {
        for (GopRecord record : gops.accept(tag)) {
            if (!announced) {
                announced = true;
                view = view.withCodecs(gops.facts().codecs());
                services.registry().update(view);
            }
            output.send(record, gops.facts());
        }
    }

    private void logDroppedTracksOnce() {
        if (!tracksLogged && intake.droppedTracks()) {
            tracksLogged = true;
            LOG.infof("channel=%s session=%s: Enhanced RTMP multitrack, keeping track 0, dropping video tracks %s "
                    + "and audio tracks %s", identity.channel(), identity.sessionId(), intake.droppedVideoTracks(),
                    intake.droppedAudioTracks());
        }
    }

    /** Kafka's side of the session, on the session's event loop. */
    private final class OutputListener implements SessionOutput.Listener {
        @Override
        public void overBudget() {
            if (!ended) {
                paused = true;
                peer.pauseReading();
            }
        }

        @Override
        public void withinBudget() {
            if (paused) {
                paused = false;
                peer.resumeReading();
            }
        }

        @Override
        public void acknowledged() {
            meters.gopRecordSent();
        }

        @Override
        public void failed(String what) {
            if (!ended) {
                owner.endLive(EndCause.error("Kafka: " + what + " could not be written"));
            }
        }
    }
}
