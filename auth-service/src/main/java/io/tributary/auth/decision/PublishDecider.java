package io.tributary.auth.decision;

import io.tributary.auth.key.KeyHash;
import io.tributary.auth.key.KeyHasher;
import io.tributary.auth.key.StreamKey;
import io.tributary.auth.key.StreamKeyRecord;
import io.tributary.auth.live.LiveDirectory;
import io.tributary.auth.state.KeyStore;
import io.tributary.auth.token.PublishTokenVerifier;
import io.tributary.auth.token.TokenVerdict;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The publish decision: credentials in, allow (channel, session, limits) or deny (reason) out.
 *
 * <p>Order of checks for a key: throttle hard cap; hash and look up; channel exists; revoked; expired; address in
 * the allow-list; channel not live. For a token (it takes precedence when the query carries one, and the publish
 * name is then ignored): signature; expiry; channel exists; channel not live. Failed credentials then go through the
 * {@link FailureThrottle}, which may turn the answer into {@code rate-limited}.
 *
 * <p>{@code channel-live} is as good as the live directory: two publishes on two ingest nodes within the time a
 * {@code stream-started} takes to arrive may both be allowed; the ingest's own check covers one node.
 */
public final class PublishDecider {
    private final KeyStore store;
    private final LiveDirectory live;
    private final KeyHasher hasher;
    private final PublishTokenVerifier tokens;
    private final FailureThrottle throttle;
    private final SessionIdGenerator sessionIds;
    private final Clock clock;
    private final boolean rejectConcurrentPublish;

    public PublishDecider(KeyStore store, LiveDirectory live, KeyHasher hasher, PublishTokenVerifier tokens,
                          FailureThrottle throttle, SessionIdGenerator sessionIds, Clock clock,
                          boolean rejectConcurrentPublish) {
        this.store = store;
        this.live = live;
        this.hasher = hasher;
        this.tokens = tokens;
        this.throttle = throttle;
        this.sessionIds = sessionIds;
        this.clock = clock;
        this.rejectConcurrentPublish = rejectConcurrentPublish;
    }

    public PublishDecision decide(PublishAttempt attempt) {
        if (!throttle.tryAttempt(attempt.clientIp())) {
            return new PublishDecision.Denied(DenyReason.RATE_LIMITED);
        }
        PublishDecision decision = evaluate(attempt, clock.instant());
        if (decision instanceof PublishDecision.Denied denied && denied.reason().countsAsFailure()
                && !throttle.tryFailure(attempt.clientIp())) {
            return new PublishDecision.Denied(DenyReason.RATE_LIMITED);
        }
        return decision;
    }

    private PublishDecision evaluate(PublishAttempt attempt, Instant now) {
        if (attempt.token().isPresent()) {
            return evaluateToken(attempt.token().get(), now);
        }
        if (attempt.key().isPresent()) {
            return evaluateKey(attempt.key().get(), attempt, now);
        }
        return deny(DenyReason.UNKNOWN_KEY);
    }

    private PublishDecision evaluateKey(StreamKey key, PublishAttempt attempt, Instant now) {
        if (key.value().length() > StreamKey.MAX_LENGTH) {
            return deny(DenyReason.UNKNOWN_KEY); // no key of ours is that long; not worth hashing
        }
        KeyHash hash = hasher.hash(key);
        Optional<StreamKeyRecord> found = store.keyByHash(hash);
        // The map found the record by hash; the explicit constant-time comparison keeps the guarantee independent
        // of how the map compares keys.
        if (found.isEmpty() || !found.get().hash().matches(hash)) {
            return deny(DenyReason.UNKNOWN_KEY);
        }
        StreamKeyRecord record = found.get();
        if (store.channel(record.channel()).isEmpty()) {
            return deny(DenyReason.UNKNOWN_KEY);
        }
        switch (record.statusAt(now)) {
            case REVOKED:
                return deny(DenyReason.REVOKED);
            case EXPIRED:
                return deny(DenyReason.EXPIRED);
            default:
                break;
        }
        if (!record.allows(attempt.clientIp())) {
            return deny(DenyReason.IP_NOT_ALLOWED);
        }
        if (isLive(record.channel(), now)) {
            return deny(DenyReason.CHANNEL_LIVE);
        }
        return new PublishDecision.Allowed(record.channel(), sessionIds.next().toString(), record.id(),
                record.maxBitrateKbps());
    }

    private PublishDecision evaluateToken(String token, Instant now) {
        TokenVerdict verdict = tokens.verify(token, now);
        if (verdict instanceof TokenVerdict.Expired) {
            return deny(DenyReason.EXPIRED);
        }
        if (!(verdict instanceof TokenVerdict.Valid valid)) {
            return deny(DenyReason.UNKNOWN_KEY);
        }
        String channel = valid.token().channel();
        if (store.channel(channel).isEmpty()) {
            return deny(DenyReason.UNKNOWN_KEY);
        }
        if (isLive(channel, now)) {
            return deny(DenyReason.CHANNEL_LIVE);
        }
        return new PublishDecision.Allowed(channel, sessionIds.next().toString(), null, null);
    }

    private boolean isLive(String channel, Instant now) {
        return rejectConcurrentPublish && live.session(channel, now).isPresent();
    }

    private static PublishDecision deny(DenyReason reason) {
        return new PublishDecision.Denied(reason);
    }
}
