package io.tributary.auth.token;

/** What a {@link PublishTokenVerifier} concluded about a presented token. */
public sealed interface TokenVerdict {

    /** Authentic and not expired. */
    record Valid(PublishToken token) implements TokenVerdict {
    }

    /** Authentic, but its expiry has passed. */
    record Expired(PublishToken token) implements TokenVerdict {
    }

    /** Malformed, unknown version, or a signature that does not match: nothing in it can be trusted. */
    record Invalid() implements TokenVerdict {
    }
}
