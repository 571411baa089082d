package io.tributary.ingest.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.ingest.auth.PublishAuthorizer;
import io.tributary.ingest.auth.PublishDecision;
import io.tributary.ingest.auth.PublishDecision.Allowed;
import io.tributary.ingest.auth.PublishDecision.Denied;
import io.tributary.ingest.auth.PublishRequest;
import io.tributary.ingest.gop.SessionGops;
import io.tributary.ingest.kafka.InflightTotal;
import io.tributary.ingest.metrics.IngestMetrics;
import io.tributary.ingest.rtmp.command.AppName;
import io.tributary.ingest.rtmp.command.PublishName;
import io.tributary.ingest.rtmp.command.RtmpCommand.Connect;
import io.tributary.ingest.rtmp.command.RtmpCommand.CreateStream;
import io.tributary.ingest.rtmp.command.RtmpCommand.DeleteStream;
import io.tributary.ingest.rtmp.command.RtmpCommand.FCPublish;
import io.tributary.ingest.rtmp.command.RtmpCommand.Publish;
import io.tributary.ingest.rtmp.command.RtmpCommand.ReleaseStream;
import io.tributary.ingest.rtmp.command.RtmpCommand.Unknown;
import io.tributary.ingest.rtmp.message.SetChunkSize;
import io.tributary.ingest.rtmp.message.SetPeerBandwidth;
import io.tributary.ingest.rtmp.message.UserControl;
import io.tributary.ingest.rtmp.message.WindowAcknowledgementSize;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * The command flow of one connection, without sockets or Kafka: decisions come from a scripted authorizer, and no
 * media is sent, so no GOP record (and no Kafka producer) is ever needed.
 */
class PublishSessionTest {

    private static final SessionSettings SETTINGS = new SessionSettings(15_000, 20_000, 50_000, 5_000, 32 << 20,
            10_000, 4096, 2_500_000, new SessionGops.Settings(10_000, 2_000, 64L << 20, 8 << 20));

    private final RecordingPeer peer = new RecordingPeer();
    private final List<PublishRequest> requests = new ArrayList<>();
    private final List<CompletableFuture<PublishDecision>> decisions = new ArrayList<>();
    private final LiveSessions registry = new LiveSessions();
    private long now = 1_000;
    private final PublishAuthorizer authorizer = new PublishAuthorizer() {
        @Override
        public CompletionStage<PublishDecision> decide(PublishRequest request) {
            requests.add(request);
            CompletableFuture<PublishDecision> decision = new CompletableFuture<>();
            decisions.add(decision);
            return decision;
        }
    };
    private final SessionServices services = new SessionServices(authorizer, registry, null, null,
            new InflightTotal(64L << 20), new IngestMetrics(new SimpleMeterRegistry()), SETTINGS,
            Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC), () -> now);
    private final PublishSession session = new PublishSession(peer, services, Runnable::run);

    @Test
    void answersConnectWithTheControlMessagesThenSuccess() {
        connect("live");
        assertTrue(peer.sent.get(0) instanceof WindowAcknowledgementSize w && w.size() == 2_500_000);
        assertTrue(peer.sent.get(1) instanceof SetPeerBandwidth);
        assertTrue(peer.sent.get(2) instanceof SetChunkSize s && s.chunkSize() == 4096);
        assertEquals(List.of("_result"), peer.commandNames());
        assertEquals(PublishSession.State.CONNECTED, session.state());
    }

    @Test
    void answersReleaseStreamFcPublishAndCreateStreamWhateverTheirTransactionId() {
        connect("live");
        peer.sent.clear();
        session.onCommand(new ReleaseStream(0, PublishName.parse("k")));
        session.onCommand(new FCPublish(0, PublishName.parse("k")));
        session.onCommand(new CreateStream(4));
        assertEquals(List.of("_result", "onFCPublish", "_result", "_result"), peer.commandNames());
    }

    @Test
    void asksForADecisionWithKeyAppQueryAndAddressAndHoldsInputMeanwhile() {
        connect("live");
        publish("live/sk_123?token=t1");

        assertEquals(1, requests.size());
        PublishRequest r = requests.get(0);
        assertEquals("sk_123", r.key().value());
        assertEquals("live", r.app());
        assertEquals("token=t1", r.query());
        assertEquals("203.0.113.7", r.clientIp());
        assertTrue(peer.holding, "no media or command is accepted before the decision");
        assertTrue(session.holdsInput());
        assertTrue(peer.lastStatus().isEmpty(), "no answer before the decision");
    }

    @Test
    void sendsTheAppsQueryWhenThePublishNameHasNone() {
        connect("live?token=larix");
        publish("sk_123");
        assertEquals("token=larix", requests.get(0).query());
        assertEquals("live", requests.get(0).app());
    }

    @Test
    void startsPublishingOnlyAfterAnAllow() {
        connect("live");
        publish("sk_123");
        decisions.get(0).complete(new Allowed("alice", "0192f1a0-7c9e-7000-8000-000000000001", OptionalInt.empty()));

        assertArrayEquals(new String[] {"NetStream.Publish.Start", "Start publishing."}, peer.lastStatus().orElseThrow());
        assertTrue(peer.sent.get(peer.sent.size() - 2) instanceof UserControl, "Stream Begin first");
        assertFalse(peer.holding);
        assertEquals(1, peer.releases);
        assertEquals(PublishSession.State.PUBLISHING, session.state());
        assertEquals("alice", registry.list().get(0).channel());
        assertEquals("203.0.113.7:50000", registry.list().get(0).remoteAddress());
    }

    @Test
    void refusesADeniedPublishWithItsReasonThenCloses() {
        connect("live");
        publish("wrong");
        decisions.get(0).complete(new Denied(PublishDecision.UNKNOWN_KEY));

        assertArrayEquals(new String[] {"NetStream.Publish.BadName", "unknown-key"}, peer.lastStatus().orElseThrow());
        assertTrue(peer.closed);
        assertEquals(PublishSession.State.CLOSED, session.state());
        assertTrue(registry.list().isEmpty());
    }

    @Test
    void refusesASecondPublisherOfAChannelLiveOnThisInstance() {
        registry.claim(new SessionView("alice", "other-session", "live", Instant.EPOCH, "x", "unknown", 0),
                cause -> CompletableFuture.completedFuture(null));
        connect("live");
        publish("sk_2");
        decisions.get(0).complete(new Allowed("alice", "0192f1a0-7c9e-7000-8000-000000000002", OptionalInt.empty()));

        assertArrayEquals(new String[] {"NetStream.Publish.BadName", "channel-live"}, peer.lastStatus().orElseThrow());
        assertTrue(peer.closed);
        assertEquals("other-session", registry.list().get(0).sessionId(), "the live session is untouched");
    }

    @Test
    void ignoresADecisionThatArrivesAfterThePublisherLeft() {
        connect("live");
        publish("sk_123");
        session.onConnectionClosed(EndCause.disconnected());
        peer.sent.clear();
        decisions.get(0).complete(new Allowed("alice", "0192f1a0-7c9e-7000-8000-000000000003", OptionalInt.empty()));

        assertTrue(peer.sent.isEmpty());
        assertTrue(registry.list().isEmpty(), "never live, never announced");
    }

    @Test
    void endsThePublishOnDeleteStreamWhateverStreamItNames() {
        connect("live");
        publish("sk_123");
        decisions.get(0).complete(new Allowed("alice", "0192f1a0-7c9e-7000-8000-000000000004", OptionalInt.empty()));
        session.onCommand(new DeleteStream(0, 0)); // GStreamer names the stream by its name, parsed as 0

        assertTrue(registry.list().isEmpty());
        assertEquals(PublishSession.State.CONNECTED, session.state(), "the publisher may hang up or publish again");
        assertFalse(peer.closed);
    }

    @Test
    void treatsAnEmptyNamePublishWhilePublishingAsAStop() {
        connect("live");
        publish("sk_123");
        decisions.get(0).complete(new Allowed("alice", "0192f1a0-7c9e-7000-8000-000000000005", OptionalInt.empty()));
        session.onCommand(new Publish(0, 1, PublishName.EMPTY, "live")); // Wirecast, before it unpublishes

        assertTrue(registry.list().isEmpty());
        assertArrayEquals(new String[] {"NetStream.Unpublish.Success", "Stop publishing."},
                peer.lastStatus().orElseThrow());
        assertFalse(peer.closed);
    }

    @Test
    void ignoresAnEmptyNamePublishWhenNotPublishing() {
        connect("live");
        session.onCommand(new Publish(0, 1, PublishName.EMPTY, "live"));
        assertTrue(requests.isEmpty());
        assertFalse(peer.closed);
    }

    @Test
    void answersUnknownCommandsHarmlesslyAndNeverCloses() {
        connect("live");
        peer.sent.clear();
        session.onCommand(new Unknown("_checkbw", 5));
        session.onCommand(new Unknown("onBWDone", 0));
        session.onCommand(new Unknown("_result", 7));
        assertEquals(List.of("_result"), peer.commandNames());
        assertFalse(peer.closed);
    }

    @Test
    void closesAConnectionThatDoesNotPublishInTime() {
        connect("live");
        now += 15_000;
        session.tick(now);
        assertFalse(peer.closed, "at the deadline");
        now += 1;
        session.tick(now);
        assertTrue(peer.closed);
    }

    @Test
    void refusesAPublishWhoseDecisionNeverComes() {
        connect("live");
        publish("sk_123");
        now += 15_001;
        session.tick(now);
        assertArrayEquals(new String[] {"NetStream.Publish.BadName", "auth-unavailable"},
                peer.lastStatus().orElseThrow());
        assertTrue(peer.closed);
        decisions.get(0).complete(new Allowed("alice", "0192f1a0-7c9e-7000-8000-000000000007", OptionalInt.empty()));
        assertTrue(registry.list().isEmpty(), "a late allow changes nothing");
    }

    @Test
    void closesAPublishBeforeConnect() {
        publish("sk_123");
        assertTrue(peer.closed);
        assertTrue(requests.isEmpty());
    }

    @Test
    void endsTheLiveSessionWhenItsHandleIsUsed() {
        connect("live");
        publish("sk_123");
        decisions.get(0).complete(new Allowed("alice", "0192f1a0-7c9e-7000-8000-000000000006", OptionalInt.of(3000)));
        assertTrue(registry.end("alice", "0192f1a0-7c9e-7000-8000-000000000006", EndCause.revoked()));

        assertTrue(registry.list().isEmpty());
        assertTrue(peer.closed, "a revoked publisher is disconnected");
        assertNull(session.channel().orElse(null));
    }

    private void connect(String app) {
        session.onCommand(new Connect(1, AppName.parse(app), "rtmp://h/" + app, "FMLE/3.0", 0, Map.of()));
    }

    private void publish(String name) {
        session.onCommand(new Publish(0, 1, PublishName.parse(name), "live"));
    }
}
