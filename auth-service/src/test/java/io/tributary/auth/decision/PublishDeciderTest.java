package io.tributary.auth.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tributary.auth.channel.Channel;
import io.tributary.auth.key.IpAddress;
import io.tributary.auth.key.KeyHash;
import io.tributary.auth.key.KeyHasher;
import io.tributary.auth.key.StreamKey;
import io.tributary.auth.key.StreamKeyRecord;
import io.tributary.auth.live.LiveDirectory;
import io.tributary.auth.state.ChannelRecord;
import io.tributary.auth.state.KeyStore;
import io.tributary.auth.token.PublishToken;
import io.tributary.auth.token.PublishTokenSecret;
import io.tributary.auth.token.PublishTokenSigner;
import io.tributary.auth.token.PublishTokenVerifier;
import io.tributary.media.event.EventJson;
import io.tributary.media.event.StopReason;
import io.tributary.media.event.StreamStarted;
import io.tributary.media.event.StreamStopped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PublishDeciderTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final IpAddress HOME = IpAddress.parse("203.0.113.7");
    static final IpAddress ELSEWHERE = IpAddress.parse("198.51.100.1");
    static final StreamKey ALICE_KEY = new StreamKey("tsk_alice-key");
    static final StreamKey LIMITED_KEY = new StreamKey("tsk_limited-key");
    static final StreamKey REVOKED_KEY = new StreamKey("tsk_revoked-key");
    static final StreamKey EXPIRED_KEY = new StreamKey("tsk_expired-key");
    static final StreamKey ORPHAN_KEY = new StreamKey("tsk_orphan-key");
    static final PublishTokenSecret SECRET = PublishTokenSecret.of("token-secret");

    final KeyHasher hasher = new KeyHasher();
    final KeyStore store = new KeyStore();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final LiveDirectory live = new LiveDirectory(Duration.ofHours(24), clock);
    long nanos = 0;
    final FailureThrottle throttle = new FailureThrottle(3, 1, 10, 100, () -> nanos);
    final PublishDecider decider = new PublishDecider(store, live, hasher, new PublishTokenVerifier(SECRET), throttle,
            new SessionIdGenerator(clock, new SecureRandom()), clock, true);

    PublishDeciderTest() {
        channel("alice");
        channel("bob");
        key(ALICE_KEY, "key_alice", "alice", null, null, List.of(), null);
        key(LIMITED_KEY, "key_limited", "bob", null, null, List.of("203.0.113.0/24", "2001:db8::/32"), 8000);
        key(REVOKED_KEY, "key_revoked", "alice", null, NOW.minusSeconds(1), List.of(), null);
        key(EXPIRED_KEY, "key_expired", "alice", NOW, null, List.of(), null);
        key(ORPHAN_KEY, "key_orphan", "deleted-channel", null, null, List.of(), null);
    }

    void channel(String name) {
        store.apply("channel:" + name, EventJson.write(ChannelRecord.of(new Channel(name, NOW.minusSeconds(3600)))));
    }

    void key(StreamKey key, String id, String channel, Instant expiresAt, Instant revokedAt, List<String> cidrs,
             Integer bitrate) {
        KeyHash hash = hasher.hash(key);
        store.apply(hash.hex(), EventJson.write(new StreamKeyRecord(1, id, hash.hex(), channel, null,
                NOW.minusSeconds(60), expiresAt, revokedAt, cidrs, bitrate)));
    }

    PublishDecision withKey(StreamKey key, IpAddress from) {
        return decider.decide(new PublishAttempt(Optional.of(key), Optional.empty(), "live", from));
    }

    PublishDecision withToken(String token, IpAddress from) {
        return decider.decide(new PublishAttempt(Optional.empty(), Optional.of(token), "live", from));
    }

    static DenyReason reason(PublishDecision d) {
        return assertInstanceOf(PublishDecision.Denied.class, d).reason();
    }

    @Test
    void allowsAValidKeyWithANewSessionAndItsLimits() {
        PublishDecision.Allowed a = assertInstanceOf(PublishDecision.Allowed.class, withKey(ALICE_KEY, HOME));
        assertEquals("alice", a.channel());
        assertEquals("key_alice", a.keyId());
        assertNull(a.maxBitrateKbps());
        assertEquals(7, UUID.fromString(a.sessionId()).version());
        PublishDecision.Allowed limited = assertInstanceOf(PublishDecision.Allowed.class, withKey(LIMITED_KEY, HOME));
        assertEquals(8000, limited.maxBitrateKbps());
    }

    @Test
    void deniesWithTheReason() {
        assertEquals(DenyReason.UNKNOWN_KEY, reason(withKey(new StreamKey("tsk_nope"), HOME)));
        assertEquals(DenyReason.REVOKED, reason(withKey(REVOKED_KEY, HOME)));
        assertEquals(DenyReason.EXPIRED, reason(withKey(EXPIRED_KEY, HOME)));
        assertEquals(DenyReason.UNKNOWN_KEY, reason(withKey(ORPHAN_KEY, ELSEWHERE)), "key of a deleted channel");
    }

    @Test
    void checksTheAllowList() {
        assertInstanceOf(PublishDecision.Allowed.class, withKey(LIMITED_KEY, IpAddress.parse("::ffff:203.0.113.99")));
        assertInstanceOf(PublishDecision.Allowed.class, withKey(LIMITED_KEY, IpAddress.parse("2001:db8:5::1")));
        assertEquals(DenyReason.IP_NOT_ALLOWED, reason(withKey(LIMITED_KEY, ELSEWHERE)));
        assertEquals(DenyReason.IP_NOT_ALLOWED, reason(withKey(LIMITED_KEY, IpAddress.parse("2001:db9::1"))));
    }

    @Test
    void deniesAChannelThatIsLiveUntilItStops() {
        live.started(StreamStarted.of("s1", "alice", "live", NOW.minusSeconds(10), "ingest-1", null, null, Map.of()));
        assertEquals(DenyReason.CHANNEL_LIVE, reason(withKey(ALICE_KEY, HOME)));
        assertInstanceOf(PublishDecision.Allowed.class, withKey(LIMITED_KEY, HOME), "another channel");
        live.stopped(StreamStopped.of("s1", "alice", NOW.minusSeconds(1), StopReason.PUBLISHER_CLOSED, 9, 9, 1));
        assertInstanceOf(PublishDecision.Allowed.class, withKey(ALICE_KEY, HOME));
    }

    @Test
    void channelLiveIsNotCountedAsAFailure() {
        live.started(StreamStarted.of("s1", "alice", "live", NOW.minusSeconds(10), "ingest-1", null, null, Map.of()));
        for (int i = 0; i < 8; i++) {
            assertEquals(DenyReason.CHANNEL_LIVE, reason(withKey(ALICE_KEY, HOME)));
        }
        assertEquals(false, throttle.isThrottled(HOME));
    }

    @Test
    void tokensDecideWhenPresent() {
        PublishTokenSigner signer = new PublishTokenSigner(SECRET);
        String valid = signer.sign(new PublishToken("bob", NOW.plusSeconds(60)));
        PublishDecision.Allowed a = assertInstanceOf(PublishDecision.Allowed.class, withToken(valid, ELSEWHERE));
        assertEquals("bob", a.channel());
        assertNull(a.keyId());
        assertEquals(DenyReason.EXPIRED,
                reason(withToken(signer.sign(new PublishToken("bob", NOW)), HOME)));
        assertEquals(DenyReason.UNKNOWN_KEY,
                reason(withToken(signer.sign(new PublishToken("nobody", NOW.plusSeconds(60))), HOME)));
        assertEquals(DenyReason.UNKNOWN_KEY, reason(withToken(valid.substring(0, valid.length() - 1) + "A", HOME)));
        // a token in the query wins over whatever the publish name is
        PublishDecision both = decider.decide(new PublishAttempt(Optional.of(new StreamKey("bob")),
                Optional.of(valid), "live", HOME));
        assertInstanceOf(PublishDecision.Allowed.class, both);
    }

    @Test
    void deniesWhenThereIsNothingToCheck() {
        assertEquals(DenyReason.UNKNOWN_KEY,
                reason(decider.decide(new PublishAttempt(Optional.empty(), Optional.empty(), "live", HOME))));
        assertEquals(DenyReason.UNKNOWN_KEY, reason(withKey(new StreamKey("x".repeat(10_000)), HOME)));
    }

    @Test
    void throttlesRepeatedFailuresButNotTheRealStreamer() {
        IpAddress nat = IpAddress.parse("192.0.2.10");
        for (int i = 0; i < 3; i++) {
            assertEquals(DenyReason.UNKNOWN_KEY, reason(withKey(new StreamKey("tsk_guess-" + i), nat)));
        }
        assertEquals(DenyReason.RATE_LIMITED, reason(withKey(new StreamKey("tsk_guess-x"), nat)));
        assertEquals(DenyReason.RATE_LIMITED, reason(withKey(REVOKED_KEY, nat)), "real reasons are hidden");
        assertInstanceOf(PublishDecision.Allowed.class, withKey(ALICE_KEY, nat), "valid key from the same address");
        assertEquals(DenyReason.UNKNOWN_KEY, reason(withKey(new StreamKey("tsk_guess-y"), ELSEWHERE)),
                "other addresses unaffected");
        nanos += Duration.ofMinutes(1).toNanos(); // one failure earned back per minute
        assertEquals(DenyReason.UNKNOWN_KEY, reason(withKey(new StreamKey("tsk_guess-z"), nat)));
        assertEquals(DenyReason.RATE_LIMITED, reason(withKey(new StreamKey("tsk_guess-w"), nat)));
    }

    @Test
    void aFloodIsRefusedEvenWithAValidKey() {
        IpAddress flooder = IpAddress.parse("192.0.2.20");
        for (int i = 0; i < 10; i++) {
            assertInstanceOf(PublishDecision.Allowed.class, withKey(ALICE_KEY, flooder));
        }
        assertEquals(DenyReason.RATE_LIMITED, reason(withKey(ALICE_KEY, flooder)));
    }
}
