package io.tributary.auth.decision;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a publish is refused; the wire names are the contract with ingest (issue 4). */
public enum DenyReason {
    /** No key with this hash, no such channel, or a token that is malformed or not authentic. */
    UNKNOWN_KEY("unknown-key", true),
    /** The key was revoked. */
    REVOKED("revoked", true),
    /** The key or token has expired. */
    EXPIRED("expired", true),
    /** The key has an allow-list and the publisher's address is not in it. */
    IP_NOT_ALLOWED("ip-not-allowed", true),
    /** Valid credentials, but the channel already has a live session. */
    CHANNEL_LIVE("channel-live", false),
    /** Too many failed attempts (or too many attempts at all) from this address. */
    RATE_LIMITED("rate-limited", false);

    private final String wireName;
    private final boolean countsAsFailure;

    DenyReason(String wireName, boolean countsAsFailure) {
        this.wireName = wireName;
        this.countsAsFailure = countsAsFailure;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Whether the throttle counts it: wrong credentials do; a live channel or the throttle itself do not. */
    public boolean countsAsFailure() {
        return countsAsFailure;
    }
}
