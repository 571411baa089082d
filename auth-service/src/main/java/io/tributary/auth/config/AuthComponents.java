package io.tributary.auth.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.auth.archive.ArchiveLinkSigner;
import io.tributary.auth.archive.RecentArchives;
import io.tributary.auth.decision.DecisionMetrics;
import io.tributary.auth.decision.FailureThrottle;
import io.tributary.auth.decision.PublishDecider;
import io.tributary.auth.decision.SessionIdGenerator;
import io.tributary.auth.key.KeyHasher;
import io.tributary.auth.key.StreamKeyGenerator;
import io.tributary.auth.live.LiveDirectory;
import io.tributary.auth.state.KeyStore;
import io.tributary.auth.token.PublishTokenSecret;
import io.tributary.auth.token.PublishTokenSigner;
import io.tributary.auth.token.PublishTokenVerifier;
import io.tributary.storage.S3Config;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Builds the framework-free parts of the service from configuration. They are plain classes with constructors, so
 * unit tests build them the same way without CDI.
 */
@ApplicationScoped
public class AuthComponents {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Produces
    @Singleton
    KeyStore keyStore(LiveDirectory live) {
        return new KeyStore(live::cleared);
    }

    @Produces
    @Singleton
    LiveDirectory liveDirectory(AuthConfig config, Clock clock) {
        return new LiveDirectory(config.live().sessionMaxAge(), clock);
    }

    @Produces
    @Singleton
    RecentArchives recentArchives(AuthConfig config) {
        return new RecentArchives(config.status().recentArchives());
    }

    @Produces
    @Singleton
    ArchiveLinkSigner archiveLinkSigner(AuthConfig config, S3Config s3, Clock clock) {
        AuthConfig.Status status = config.status();
        if (status.archiveLinkAccessKey().isPresent() != status.archiveLinkSecretKey().isPresent()) {
            throw new IllegalArgumentException("tributary.auth.status.archive-link-access-key and "
                    + "archive-link-secret-key are set together or not at all");
        }
        // a read-only key of its own when given: the service that faces browsers need not hold the write credential
        return new ArchiveLinkSigner(status.archiveLinkEndpoint().orElse(s3.endpoint()),
                status.archiveLinkAccessKey().orElse(s3.accessKey()),
                status.archiveLinkSecretKey().orElse(s3.secretKey()), s3.bucket(), s3.region(),
                status.archiveLinkExpiry(), clock);
    }

    @Produces
    @Singleton
    KeyHasher keyHasher() {
        return new KeyHasher();
    }

    @Produces
    @Singleton
    StreamKeyGenerator streamKeyGenerator(SecureRandom random) {
        return new StreamKeyGenerator(random);
    }

    @Produces
    @Singleton
    PublishTokenSecret publishTokenSecret(AuthConfig config) {
        return PublishTokenSecret.fromConfig(config.tokenSecret(), config.adminToken());
    }

    @Produces
    @Singleton
    PublishTokenSigner publishTokenSigner(PublishTokenSecret secret) {
        return new PublishTokenSigner(secret);
    }

    @Produces
    @Singleton
    PublishTokenVerifier publishTokenVerifier(PublishTokenSecret secret) {
        return new PublishTokenVerifier(secret);
    }

    @Produces
    @Singleton
    FailureThrottle decisionThrottle(AuthConfig config) {
        AuthConfig.Throttle t = config.throttle();
        return new FailureThrottle(t.failureBurst(), t.failuresPerMinute(), t.attemptsPerMinute(),
                t.maxTrackedAddresses(), System::nanoTime);
    }

    @Produces
    @Singleton
    SessionIdGenerator sessionIdGenerator(Clock clock, SecureRandom random) {
        return new SessionIdGenerator(clock, random);
    }

    @Produces
    @Singleton
    DecisionMetrics decisionMetrics(MeterRegistry registry) {
        return new DecisionMetrics(registry);
    }

    @Produces
    @Singleton
    PublishDecider publishDecider(KeyStore store, LiveDirectory live, KeyHasher hasher, PublishTokenVerifier tokens,
                                  FailureThrottle throttle, SessionIdGenerator sessionIds, Clock clock,
                                  AuthConfig config) {
        return new PublishDecider(store, live, hasher, tokens, throttle, sessionIds, clock,
                config.live().rejectConcurrentPublish());
    }
}
